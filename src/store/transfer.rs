//! `tandem migrate-db`: a community's SQLite database copied into an empty PostgreSQL one.
//!
//! Rows are read generically, table by table, and each value is decoded as the type its
//! PostgreSQL column has in the catalogue (sqlx's SQLite decoders, so a time or a flag is read
//! exactly as the store reads it), rather than through the store's own row types: every table
//! and column the migrations make is copied, with its ids, including tables added later, and
//! there is no per-table code to forget. The catalogue of the migrated target is the list of
//! tables; the source must have the same tables and columns.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row as _};

use super::sql::Arg;
use super::{dialect, sql, Db, Engine, Result, StoreError, Tx};

/// Rows per INSERT, fewer for wide tables (PostgreSQL takes at most 65,535 arguments).
const BATCH_ROWS: usize = 500;
const BATCH_ARGS: usize = 30_000;

/// One table's rows in the source and, before the commit, in the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCount {
    pub table: String,
    pub source: u64,
    pub target: u64,
}

/// What [`Db::copy_into`] did: the counts per table, and whether it committed (only when
/// every count agrees; otherwise the target was left as it was).
#[derive(Debug)]
pub struct Moved {
    pub tables: Vec<TableCount>,
    pub committed: bool,
}

/// How a target column's values are read from SQLite and bound for PostgreSQL.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Int,
    Real,
    Bool,
    Text,
    Time,
    Day,
}

impl Kind {
    fn of(data_type: &str) -> Option<Kind> {
        Some(match data_type {
            "bigint" | "integer" | "smallint" => Kind::Int,
            "double precision" => Kind::Real,
            "boolean" => Kind::Bool,
            "text" => Kind::Text,
            "timestamp with time zone" => Kind::Time,
            "date" => Kind::Day,
            _ => return None,
        })
    }

    /// Column `i` of a SQLite row, decoded as the store would read it for this type (0/1 as
    /// a flag, RFC 3339 text as a time, `YYYY-MM-DD` as a day); a value of another storage
    /// class is an error, never a NULL.
    fn read(self, row: &SqliteRow, i: usize) -> std::result::Result<Arg, sqlx::Error> {
        Ok(match self {
            Kind::Int => Arg::Int(row.try_get(i)?),
            Kind::Real => Arg::Real(row.try_get(i)?),
            Kind::Bool => Arg::Bool(row.try_get(i)?),
            Kind::Text => Arg::Text(row.try_get(i)?),
            Kind::Time => Arg::Time(row.try_get(i)?),
            Kind::Day => Arg::Day(row.try_get(i)?),
        })
    }
}

struct Table {
    name: String,
    columns: Vec<(String, Kind)>,
    /// The identity (or serial) column, whose sequence continues after the copied ids.
    identity: Option<String>,
}

/// A name from the catalogue, quoted for SQL.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn refused(why: impl Into<String>) -> StoreError {
    StoreError::Transfer(why.into())
}

impl Db {
    /// Copies every row of this SQLite database into `target`, a PostgreSQL database with no
    /// rows in it: applies the PostgreSQL migrations there, then copies every table in
    /// batches inside one PostgreSQL transaction (each table after those it refers to), moves
    /// each identity sequence past the copied ids, and commits only if every table has as many
    /// rows in the target as in the source. Any failure leaves the target without rows.
    ///
    /// The source is read inside one transaction that holds SQLite's write lock, so the copy
    /// is consistent and nothing a running bot writes meanwhile is left behind (its writes
    /// wait, or fail, instead): stop the bot first.
    pub async fn copy_into(&self, target: &Db) -> Result<Moved> {
        if self.engine() != Engine::Sqlite || target.engine() != Engine::Postgres {
            return Err(refused(
                "migrate-db copies a SQLite database into PostgreSQL",
            ));
        }
        // Checked before the migrations too, so a database that is not empty is never touched.
        if let Some(table) = tables_with_rows(&mut target.begin().await?).await?.first() {
            return Err(not_empty(table));
        }
        target.migrate().await?;
        let mut tables = target_tables(target).await?;
        check_same_schema(self, &tables).await?;
        let names: Vec<String> = tables.iter().map(|t| t.name.clone()).collect();
        let (order, in_order) = parents_first(&names, &foreign_keys(target).await?);
        tables.sort_by_key(|t| order.iter().position(|n| *n == t.name));

        let mut from = self.write().await?;
        // The write lock: a bot started on the target meanwhile waits for the copy.
        let mut to = target.write().await?;
        if let Some(table) = tables_with_rows(&mut to).await?.first() {
            return Err(not_empty(table));
        }
        // Parents first, so each statement's foreign keys hold at once and PostgreSQL need not
        // remember every row until the COMMIT; only tables that refer to each other in a
        // circle (none do today) would need the checks put off.
        if !in_order {
            sql(dialect::defer_foreign_keys(Engine::Postgres))
                .execute(&mut to)
                .await?;
        }
        let mut counts = Vec::new();
        for table in &tables {
            let count = |name: &str| {
                sql(AssertSqlSafe(format!(
                    "SELECT COUNT(*) FROM {}",
                    quoted(name)
                )))
            };
            let source: i64 = count(&table.name).scalar(&mut from).await?;
            copy_table(&mut from, &mut to, table).await?;
            let copied: i64 = count(&table.name).scalar(&mut to).await?;
            counts.push(TableCount {
                table: table.name.clone(),
                source: source as u64,
                target: copied as u64,
            });
        }
        counts.sort_by(|a, b| a.table.cmp(&b.table));
        if counts.iter().any(|c| c.source != c.target) {
            // Dropping the transactions rolls both back.
            return Ok(Moved {
                tables: counts,
                committed: false,
            });
        }
        // Put-off foreign keys are checked here, before the sequences move: sequences are
        // outside the transaction, so nothing may fail after them but the COMMIT itself.
        sql("SET CONSTRAINTS ALL IMMEDIATE")
            .execute(&mut to)
            .await?;
        let used = autoincrement_ids(&mut from).await?;
        for table in &tables {
            if let Some(column) = &table.identity {
                continue_sequence(&mut to, table, column, used.get(&table.name).copied()).await?;
            }
        }
        to.commit().await?;
        Ok(Moved {
            tables: counts,
            committed: true,
        })
    }
}

fn not_empty(table: &str) -> StoreError {
    refused(format!(
        "the PostgreSQL database is not empty (table {table} has rows); migrate-db only fills \
         an empty database, and wrote nothing"
    ))
}

/// Base tables of the PostgreSQL schema (sqlx's bookkeeping aside) that have a row.
async fn tables_with_rows(tx: &mut Tx) -> Result<Vec<String>> {
    let names: Vec<String> = sql(
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
           AND table_name NOT LIKE '\\_sqlx%'
         ORDER BY 1",
    )
    .scalars(&mut *tx)
    .await?;
    let mut out = Vec::new();
    for name in names {
        let any: bool = sql(AssertSqlSafe(format!(
            "SELECT EXISTS (SELECT 1 FROM {})",
            quoted(&name)
        )))
        .scalar(&mut *tx)
        .await?;
        if any {
            out.push(name);
        }
    }
    Ok(out)
}

/// The migrated target's tables with their columns' types, by name.
async fn target_tables(target: &Db) -> Result<Vec<Table>> {
    let rows: Vec<(String, String, String, bool)> = sql(
        "SELECT CAST(c.table_name AS TEXT), CAST(c.column_name AS TEXT), CAST(c.data_type AS TEXT),
                c.is_identity = 'YES' OR COALESCE(c.column_default LIKE 'nextval(%', FALSE)
         FROM information_schema.columns c
         JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
           AND c.table_name NOT LIKE '\\_sqlx%'
         ORDER BY 1, c.ordinal_position",
    )
    .fetch_all(target)
    .await?;
    let mut tables: Vec<Table> = Vec::new();
    for (table, column, data_type, identity) in rows {
        let kind = Kind::of(&data_type).ok_or_else(|| {
            refused(format!(
                "column {table}.{column} is of type {data_type}, which migrate-db cannot copy"
            ))
        })?;
        if tables.last().is_none_or(|t| t.name != table) {
            tables.push(Table {
                name: table.clone(),
                columns: Vec::new(),
                identity: None,
            });
        }
        let t = tables.last_mut().expect("pushed above");
        if identity {
            t.identity = Some(column.clone());
        }
        t.columns.push((column, kind));
    }
    Ok(tables)
}

/// The target's foreign keys: (table, table it refers to).
async fn foreign_keys(target: &Db) -> Result<Vec<(String, String)>> {
    sql(
        "SELECT CAST(child.relname AS TEXT), CAST(parent.relname AS TEXT)
         FROM pg_constraint k
         JOIN pg_class child ON child.oid = k.conrelid
         JOIN pg_class parent ON parent.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = child.relnamespace
         WHERE k.contype = 'f' AND n.nspname = current_schema()",
    )
    .fetch_all(target)
    .await
}

/// `names` with every table after the tables it refers to (`refers`: table, table it refers
/// to), otherwise in the order given. A table may refer to itself (its rows are copied in id
/// order, parents first). `false` if some tables refer to each other in a circle: those come
/// last, in the order given.
fn parents_first(names: &[String], refers: &[(String, String)]) -> (Vec<String>, bool) {
    let mut left: Vec<&String> = names.iter().collect();
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    while !left.is_empty() {
        let ready = left.iter().position(|table| {
            refers.iter().all(|(child, parent)| {
                child != *table
                    || parent == *table
                    || out.contains(parent)
                    || !names.contains(parent)
            })
        });
        match ready {
            Some(i) => out.push(left.remove(i).clone()),
            None => {
                out.extend(left.into_iter().cloned());
                return (out, false);
            }
        }
    }
    (out, true)
}

/// Refuses a source whose tables or columns are not the target's (a database from another
/// tandem version than this binary's migrations).
async fn check_same_schema(source: &Db, tables: &[Table]) -> Result<()> {
    let mut have: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (table, column) in sql(dialect::schema_columns(Engine::Sqlite))
        .fetch_all::<(String, String)>(source)
        .await?
    {
        have.entry(table).or_default().insert(column);
    }
    for table in tables {
        let want: BTreeSet<String> = table.columns.iter().map(|(c, _)| c.clone()).collect();
        match have.remove(&table.name) {
            Some(columns) if columns == want => {}
            Some(columns) => {
                return Err(refused(format!(
                    "table {} has columns {} in SQLite but {} in PostgreSQL",
                    table.name,
                    columns.into_iter().collect::<Vec<_>>().join(", "),
                    want.into_iter().collect::<Vec<_>>().join(", ")
                )))
            }
            None => {
                return Err(refused(format!(
                    "table {} is missing from the SQLite database",
                    table.name
                )))
            }
        }
    }
    if let Some(extra) = have.keys().next() {
        return Err(refused(format!(
            "table {extra} of the SQLite database has no place in PostgreSQL"
        )));
    }
    Ok(())
}

/// Every row of `table`, read in rowid order a batch at a time and inserted with its ids.
async fn copy_table(from: &mut Tx, to: &mut Tx, table: &Table) -> Result<()> {
    let Tx::Sqlite(source) = from else {
        return Err(refused("migrate-db reads from SQLite"));
    };
    let names: Vec<String> = table.columns.iter().map(|(c, _)| quoted(c)).collect();
    let batch = (BATCH_ARGS / names.len().max(1)).clamp(1, BATCH_ROWS);
    // Every tandem table has a rowid (none is WITHOUT ROWID): pages follow it.
    let select = format!(
        "SELECT rowid, {} FROM {} WHERE rowid > ? ORDER BY rowid LIMIT ?",
        names.join(", "),
        quoted(&table.name)
    );
    let one_row = format!("({})", vec!["?"; names.len()].join(", "));
    let mut after = i64::MIN;
    loop {
        let rows: Vec<SqliteRow> = sqlx::query(AssertSqlSafe(select.clone()))
            .bind(after)
            .bind(batch as i64)
            .fetch_all(&mut **source)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.try_get(0)?;
        let mut insert = sql(AssertSqlSafe(format!(
            "INSERT INTO {} ({}) VALUES {}",
            quoted(&table.name),
            names.join(", "),
            vec![one_row.as_str(); rows.len()].join(", ")
        )));
        for row in &rows {
            for (i, (column, kind)) in table.columns.iter().enumerate() {
                let value = kind.read(row, i + 1).map_err(|e| {
                    let rowid: i64 = row.try_get(0).unwrap_or_default();
                    // sqlx would name the column by its place in the query, not its name.
                    let why = match e {
                        sqlx::Error::ColumnDecode { source, .. } => source.to_string(),
                        e => e.to_string(),
                    };
                    refused(format!(
                        "cannot copy {}.{column} of row {rowid}: {why}",
                        table.name
                    ))
                })?;
                insert = insert.bind(value);
            }
        }
        insert.execute(&mut *to).await?;
    }
}

/// The highest id SQLite's AUTOINCREMENT has handed out per table (`sqlite_sequence`), which
/// may be above the highest id left when the latest rows were deleted.
async fn autoincrement_ids(from: &mut Tx) -> Result<HashMap<String, i64>> {
    let exists: i64 = sql("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")
        .scalar(&mut *from)
        .await?;
    if exists == 0 {
        return Ok(HashMap::new());
    }
    let rows: Vec<(String, i64)> = sql("SELECT name, seq FROM sqlite_sequence")
        .fetch_all(&mut *from)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Sets `table`'s identity sequence so the next id follows the highest copied one, or the
/// highest SQLite ever gave (ids of deleted rows are not handed out again, as on SQLite: a
/// button may still carry one).
async fn continue_sequence(
    to: &mut Tx,
    table: &Table,
    column: &str,
    used: Option<i64>,
) -> Result<()> {
    let highest: i64 = sql(AssertSqlSafe(format!(
        "SELECT COALESCE(MAX({}), 0) FROM {}",
        quoted(column),
        quoted(&table.name)
    )))
    .scalar(&mut *to)
    .await?;
    let last = highest.max(used.unwrap_or(0));
    // setval(…, 1, false): nothing used yet, the next id is 1.
    let _: i64 = sql("SELECT setval(pg_get_serial_sequence(?, ?), ?, ?)")
        .bind(quoted(&table.name))
        .bind(column)
        .bind(last.max(1))
        .bind(last > 0)
        .scalar(&mut *to)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parents_first;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn refers(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn tables_come_after_the_tables_they_refer_to_and_otherwise_keep_their_order() {
        let (order, in_order) = parents_first(
            &names(&["answers", "audit", "occurrences", "pairs", "rounds"]),
            &refers(&[
                ("answers", "rounds"),
                ("answers", "pairs"),
                ("rounds", "occurrences"),
                ("occurrences", "occurrences"),
            ]),
        );
        assert!(in_order);
        assert_eq!(
            order,
            names(&["audit", "occurrences", "pairs", "rounds", "answers"])
        );
    }

    #[test]
    fn tables_that_refer_to_each_other_in_a_circle_come_last_and_say_so() {
        let (order, in_order) =
            parents_first(&names(&["a", "b", "c"]), &refers(&[("a", "b"), ("b", "a")]));
        assert!(!in_order);
        assert_eq!(order, names(&["c", "a", "b"]));
    }
}
