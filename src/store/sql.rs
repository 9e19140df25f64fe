//! One body of query code for both engines. A query is written once, with `?` placeholders, and
//! its arguments are kept as [`Arg`]s; only when it runs does it meet the engine's own sqlx types
//! (`?` becomes `$1…` for PostgreSQL). sqlx's `Any` driver would do the dispatch too, but it
//! carries no chrono types, so PostgreSQL would have to keep times as text; this way each
//! engine keeps its native TIMESTAMPTZ, DATE and BOOLEAN and sqlx's own encoders.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::{Map, Value};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{
    Arguments as _, Column as _, Encode, FromRow, Postgres, Row as _, Sqlite, Transaction, Type,
};
use sqlx::{TypeInfo as _, ValueRef as _};

use super::{Db, Pool, Result};

/// The two engines, for the few statements that differ between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A bound value, typed, so that a NULL still tells PostgreSQL what it is.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
    Bool(Option<bool>),
    Time(Option<DateTime<Utc>>),
    Day(Option<NaiveDate>),
}

/// What `.bind` accepts.
pub(crate) trait IntoArg {
    fn into_arg(self) -> Arg;
}

macro_rules! args {
    ($($t:ty => $variant:ident, $conv:expr;)*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                #[allow(clippy::redundant_closure_call)]
                Arg::$variant(Some(($conv)(self)))
            }
        }
        impl IntoArg for Option<$t> {
            fn into_arg(self) -> Arg {
                #[allow(clippy::redundant_closure_call)]
                Arg::$variant(self.map($conv))
            }
        }
    )*};
}

args! {
    i64 => Int, |v| v;
    i32 => Int, i64::from;
    u32 => Int, i64::from;
    f64 => Real, |v| v;
    bool => Bool, |v| v;
    String => Text, |v| v;
    &str => Text, str::to_string;
    &String => Text, String::clone;
    DateTime<Utc> => Time, |v| v;
    NaiveDate => Day, |v| v;
}

/// A value already typed (copies between databases).
impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

impl IntoArg for &i64 {
    fn into_arg(self) -> Arg {
        Arg::Int(Some(*self))
    }
}

impl IntoArg for &Option<String> {
    fn into_arg(self) -> Arg {
        Arg::Text(self.clone())
    }
}

/// Where a query runs: on the pool or inside a transaction.
pub(crate) enum On<'a> {
    Db(&'a Db),
    Tx(&'a mut Tx),
}

impl<'a> From<&'a Db> for On<'a> {
    fn from(db: &'a Db) -> On<'a> {
        On::Db(db)
    }
}

impl<'a> From<&'a mut Tx> for On<'a> {
    fn from(tx: &'a mut Tx) -> On<'a> {
        On::Tx(tx)
    }
}

/// A transaction on either engine.
pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    pub(crate) async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }

    pub(crate) fn engine(&self) -> Engine {
        match self {
            Tx::Sqlite(_) => Engine::Sqlite,
            Tx::Postgres(_) => Engine::Postgres,
        }
    }
}

/// Runs `$body` with `$e` the engine's own executor for `$on` (an [`On`]) and `$db` its
/// sqlx database type; each arm is the same code typed for its engine.
macro_rules! dispatch {
    ($on:expr, |$e:ident, $db:ident| $body:expr) => {
        match $on {
            On::Db(db) => match &db.pool {
                Pool::Sqlite($e) => {
                    type $db = Sqlite;
                    $body
                }
                Pool::Postgres($e) => {
                    type $db = Postgres;
                    $body
                }
            },
            On::Tx(tx) => match tx {
                Tx::Sqlite(t) => {
                    type $db = Sqlite;
                    let $e = &mut **t;
                    $body
                }
                Tx::Postgres(t) => {
                    type $db = Postgres;
                    let $e = &mut **t;
                    $body
                }
            },
        }
    };
}

/// The result of a statement.
pub(crate) struct Done(u64);

impl Done {
    pub(crate) fn rows_affected(&self) -> u64 {
        self.0
    }
}

/// A row type either engine can fill.
pub(crate) trait Rows:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

impl<T> Rows for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

/// A statement and its arguments; build with [`sql`], then `.bind` and run.
#[must_use]
pub(crate) struct Query {
    sql: Cow<'static, str>,
    args: Vec<Arg>,
}

/// A statement written with `?` placeholders (or `?1` numbered ones): a literal, or text built
/// at run time and marked, as sqlx asks, with `AssertSqlSafe` (names from the schema or the
/// code, never from input).
pub(crate) fn sql(text: impl SqlText) -> Query {
    Query {
        sql: text.text(),
        args: Vec::new(),
    }
}

pub(crate) trait SqlText {
    fn text(self) -> Cow<'static, str>;
}

impl SqlText for &'static str {
    fn text(self) -> Cow<'static, str> {
        Cow::Borrowed(self)
    }
}

impl SqlText for sqlx::AssertSqlSafe<String> {
    fn text(self) -> Cow<'static, str> {
        Cow::Owned(self.0)
    }
}

impl Query {
    pub(crate) fn bind(mut self, value: impl IntoArg) -> Query {
        self.args.push(value.into_arg());
        self
    }

    /// Adds text to the statement (a builder for statements whose columns vary).
    pub(crate) fn push(mut self, text: &str) -> Query {
        self.sql.to_mut().push_str(text);
        self
    }

    /// The statement as engine `DB` spells it, and its arguments in `DB`'s encoding.
    fn prepare<DB>(self) -> (sqlx::AssertSqlSafe<String>, DB::Arguments)
    where
        DB: Placeholders,
        for<'q> Option<i64>: Encode<'q, DB> + Type<DB>,
        for<'q> Option<f64>: Encode<'q, DB> + Type<DB>,
        for<'q> Option<String>: Encode<'q, DB> + Type<DB>,
        for<'q> Option<bool>: Encode<'q, DB> + Type<DB>,
        for<'q> Option<DateTime<Utc>>: Encode<'q, DB> + Type<DB>,
        for<'q> Option<NaiveDate>: Encode<'q, DB> + Type<DB>,
    {
        let mut a = DB::Arguments::default();
        for arg in self.args {
            match arg {
                Arg::Int(v) => a.add(v),
                Arg::Real(v) => a.add(v),
                Arg::Text(v) => a.add(v),
                Arg::Bool(v) => a.add(v),
                Arg::Time(v) => a.add(v),
                Arg::Day(v) => a.add(v),
            }
            .expect("typed arguments encode");
        }
        (sqlx::AssertSqlSafe(DB::statement(&self.sql)), a)
    }

    pub(crate) async fn execute<'a>(self, on: impl Into<On<'a>>) -> Result<Done> {
        let n = dispatch!(on.into(), |e, DB| {
            let (text, args) = self.prepare::<DB>();
            sqlx::query_with(text, args)
                .execute(e)
                .await?
                .rows_affected()
        });
        Ok(Done(n))
    }

    pub(crate) async fn fetch_all<'a, T: Rows>(self, on: impl Into<On<'a>>) -> Result<Vec<T>> {
        Ok(dispatch!(on.into(), |e, DB| {
            let (text, args) = self.prepare::<DB>();
            sqlx::query_as_with(text, args).fetch_all(e).await?
        }))
    }

    pub(crate) async fn fetch_one<'a, T: Rows>(self, on: impl Into<On<'a>>) -> Result<T> {
        Ok(dispatch!(on.into(), |e, DB| {
            let (text, args) = self.prepare::<DB>();
            sqlx::query_as_with(text, args).fetch_one(e).await?
        }))
    }

    pub(crate) async fn fetch_optional<'a, T: Rows>(
        self,
        on: impl Into<On<'a>>,
    ) -> Result<Option<T>> {
        Ok(dispatch!(on.into(), |e, DB| {
            let (text, args) = self.prepare::<DB>();
            sqlx::query_as_with(text, args).fetch_optional(e).await?
        }))
    }

    /// The first column of every row.
    pub(crate) async fn scalars<'a, T>(self, on: impl Into<On<'a>>) -> Result<Vec<T>>
    where
        (T,): Rows,
    {
        let rows: Vec<(T,)> = self.fetch_all(on).await?;
        Ok(rows.into_iter().map(|(v,)| v).collect())
    }

    /// The first column of the one row.
    pub(crate) async fn scalar<'a, T>(self, on: impl Into<On<'a>>) -> Result<T>
    where
        (T,): Rows,
    {
        let (v,): (T,) = self.fetch_one(on).await?;
        Ok(v)
    }

    /// The first column of the row, if there is one.
    pub(crate) async fn scalar_optional<'a, T>(self, on: impl Into<On<'a>>) -> Result<Option<T>>
    where
        (T,): Rows,
    {
        let row: Option<(T,)> = self.fetch_optional(on).await?;
        Ok(row.map(|(v,)| v))
    }

    /// Every row decoded on its own, with its first column (an id): a row that cannot be read
    /// does not stop the others.
    pub(crate) async fn fetch_each<'a, T: Rows>(
        self,
        on: impl Into<On<'a>>,
    ) -> Result<Vec<(i64, Result<T>)>> {
        Ok(dispatch!(on.into(), |e, DB| {
            let (text, args) = self.prepare::<DB>();
            sqlx::query_with(text, args)
                .fetch_all(e)
                .await?
                .iter()
                .map(|row| {
                    let id = row.try_get::<i64, _>(0)?;
                    Ok((id, T::from_row(row).map_err(Into::into)))
                })
                .collect::<Result<Vec<_>>>()?
        }))
    }

    /// Every row as a JSON object of its columns (exports). Times are RFC 3339 text on both
    /// engines, days `YYYY-MM-DD`, flags 0 or 1 (as SQLite stores them).
    pub(crate) async fn fetch_json<'a>(self, on: impl Into<On<'a>>) -> Result<Vec<Value>> {
        Ok(dispatch!(on.into(), |e, DB| {
            let (text, args) = self.prepare::<DB>();
            sqlx::query_with(text, args)
                .fetch_all(e)
                .await?
                .iter()
                .map(JsonRow::to_json)
                .collect()
        }))
    }
}

/// How an engine takes a statement written with `?` placeholders.
trait Placeholders: sqlx::Database {
    fn statement(sql: &str) -> String;
}

impl Placeholders for Sqlite {
    fn statement(sql: &str) -> String {
        sql.to_string()
    }
}

impl Placeholders for Postgres {
    fn statement(sql: &str) -> String {
        numbered(sql)
    }
}

/// `?` and `?N` placeholders as PostgreSQL's `$N`, outside quoted text. A bare `?` takes the
/// number after the largest so far, as SQLite counts.
pub(crate) fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut largest = 0u32;
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                let mut n = 0u32;
                let mut numbered = false;
                while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    n = n * 10 + d;
                    numbered = true;
                    chars.next();
                }
                if !numbered {
                    n = largest + 1;
                }
                largest = largest.max(n);
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

/// A row as a JSON object of its columns.
trait JsonRow: sqlx::Row
where
    usize: sqlx::ColumnIndex<Self>,
{
    /// Column `i` (not NULL, of the engine's type `type_name`) as JSON.
    fn cell(&self, i: usize, type_name: &str) -> Option<Value>;

    fn to_json(&self) -> Value {
        let mut obj = Map::new();
        for (i, col) in self.columns().iter().enumerate() {
            let value = match self.try_get_raw(i) {
                Ok(r) if !r.is_null() => self.cell(i, r.type_info().name()),
                _ => None,
            };
            obj.insert(col.name().to_string(), value.unwrap_or(Value::Null));
        }
        Value::Object(obj)
    }
}

impl JsonRow for SqliteRow {
    fn cell(&self, i: usize, type_name: &str) -> Option<Value> {
        match type_name {
            "INTEGER" | "BOOLEAN" | "INT8" => self.try_get::<i64, _>(i).map(Value::from).ok(),
            "REAL" => self.try_get::<f64, _>(i).map(Value::from).ok(),
            _ => self.try_get::<String, _>(i).map(Value::from).ok(),
        }
    }
}

impl JsonRow for PgRow {
    fn cell(&self, i: usize, type_name: &str) -> Option<Value> {
        match type_name {
            "INT8" | "INT4" | "INT2" => self.try_get::<i64, _>(i).map(Value::from).ok(),
            "BOOL" => self
                .try_get::<bool, _>(i)
                .map(|b| Value::from(i64::from(b)))
                .ok(),
            "FLOAT8" => self.try_get::<f64, _>(i).map(Value::from).ok(),
            "TIMESTAMPTZ" => self
                .try_get::<DateTime<Utc>, _>(i)
                .map(|t| Value::from(t.to_rfc3339_opts(SecondsFormat::AutoSi, false)))
                .ok(),
            "DATE" => self
                .try_get::<NaiveDate, _>(i)
                .map(|d| Value::from(d.to_string()))
                .ok(),
            _ => self.try_get::<String, _>(i).map(Value::from).ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn placeholders_are_numbered_for_postgres_outside_quotes() {
        assert_eq!(
            numbered("SELECT ? , '?' , ?2, x FROM t WHERE a = ? AND b = ?1"),
            "SELECT $1 , '?' , $2, x FROM t WHERE a = $3 AND b = $1"
        );
    }
}
