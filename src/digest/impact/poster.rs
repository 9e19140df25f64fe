//! The impact report as one page to hand on (A4 portrait at 150 dpi): headline figures, the
//! cycle week by week, how the pairs stand, mentor load and waits, and the exit survey with
//! its anonymous comments. Drawn in memory with the digest chart's font and panels.

use ab_glyph::{Font, FontRef, ScaleFont};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{days, outcome, quote, ImpactReport};
use crate::digest::chart::{self, Canvas, ChartError, DrawResult, Marker};
use crate::digest::words::pct;
use crate::domain::impact::Outcome;
use crate::text::{self, t};

pub const WIDTH: u32 = 1240;
pub const HEIGHT: u32 = 1754;
const MARGIN: i32 = 70;
const GAP: i32 = 40;
const COLUMN: i32 = (WIDTH as i32 - 2 * MARGIN - GAP) / 2;
/// Comments shown per question; the CSV and Markdown have them all.
const QUOTES: usize = 3;
/// Where the footer starts: nothing else is drawn below it.
const FOOTER: i32 = HEIGHT as i32 - 100;

const INK: RGBColor = RGBColor(33, 37, 41);
const TILE: RGBColor = RGBColor(241, 244, 248);
const RULE: RGBColor = RGBColor(205, 210, 216);

type Area<'a> = DrawingArea<Canvas<'a>, Shift>;

/// The page as PNG.
pub fn render(r: &ImpactReport) -> Result<Vec<u8>, ChartError> {
    let font = chart::font()?;
    chart::png(WIDTH, HEIGHT, |root| draw(root, r, font))
}

/// Pixel width of `text` at `size`, as the canvas draws it.
fn width(font: &FontRef<'_>, size: u32, text: &str) -> f32 {
    let scaled = font.as_scaled(size as f32);
    let mut prev = None;
    let mut w = 0.0;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            w += scaled.kern(p, id);
        }
        w += scaled.h_advance(id);
        prev = Some(id);
    }
    w
}

/// `text` in lines of at most `max` pixels, broken between words (a word longer than a line
/// is cut), at most `lines` of them: the last ends with "…" when text was left out.
fn wrap(font: &FontRef<'_>, size: u32, text: &str, max: f32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(font, size, &candidate) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        if out.len() == lines {
            cut = true;
            break;
        }
        // A word wider than the line: as much of it as fits.
        let mut part = String::new();
        for c in word.chars() {
            if width(font, size, &format!("{part}{c}")) > max && !part.is_empty() {
                break;
            }
            part.push(c);
        }
        cut |= part.len() < word.len();
        line = part;
    }
    if !line.is_empty() {
        if out.len() == lines {
            cut = true;
        } else {
            out.push(line);
        }
    }
    if cut {
        if let Some(last) = out.last_mut() {
            while !last.is_empty() && width(font, size, &format!("{last}…")) > max {
                last.pop();
            }
            last.push('…');
        }
    }
    out
}

fn write(
    area: &Area<'_>,
    s: &str,
    at: (i32, i32),
    size: u32,
    colour: &RGBColor,
) -> DrawResult<'static> {
    let style = (chart::FONT, size).into_font().color(colour);
    area.draw_text(s, &style, at)
}

/// A paragraph wrapped to `max` pixels from `at`; returns the y below it.
#[allow(clippy::too_many_arguments)]
fn paragraph(
    area: &Area<'_>,
    font: &FontRef<'_>,
    s: &str,
    at: (i32, i32),
    size: u32,
    colour: &RGBColor,
    max: i32,
    lines: usize,
) -> Result<i32, DrawingAreaErrorKind<<Canvas<'static> as DrawingBackend>::ErrorType>> {
    let step = (size as f32 * 1.4) as i32;
    let mut y = at.1;
    for line in wrap(font, size, s, max as f32, lines) {
        write(area, &line, (at.0, y), size, colour)?;
        y += step;
    }
    Ok(y)
}

fn heading(area: &Area<'_>, s: &str, at: (i32, i32), w: i32) -> DrawResult<'static> {
    write(area, s, at, 26, &INK)?;
    area.draw(&Rectangle::new(
        [(at.0, at.1 + 38), (at.0 + w, at.1 + 40)],
        RULE.filled(),
    ))
}

/// One horizontal bar with its label on the left and its count on the right.
#[allow(clippy::too_many_arguments)]
fn bar(
    area: &Area<'_>,
    label: &str,
    count: u32,
    max: u32,
    at: (i32, i32),
    label_w: i32,
    w: i32,
    colour: &RGBColor,
) -> DrawResult<'static> {
    write(area, label, (at.0, at.1 + 2), 18, &INK)?;
    let room = w - label_w - 50;
    let len = if max == 0 {
        0
    } else {
        (room as f64 * f64::from(count) / f64::from(max)).round() as i32
    };
    let x = at.0 + label_w;
    area.draw(&Rectangle::new(
        [(x, at.1), (x + len.max(2), at.1 + 24)],
        colour.filled(),
    ))?;
    write(
        area,
        &count.to_string(),
        (x + len.max(2) + 10, at.1 + 2),
        18,
        &INK,
    )
}

fn draw<'a>(root: &Area<'a>, r: &ImpactReport, font: &FontRef<'_>) -> DrawResult<'a> {
    root.fill(&WHITE)?;
    let (l, i) = (r.locale, &r.impact);
    let full = WIDTH as i32 - 2 * MARGIN;

    // Header.
    let title = wrap(font, 44, &r.title(), full as f32, 1).join(" ");
    write(root, &title, (MARGIN, 48), 44, &INK)?;
    write(root, &r.span(), (MARGIN, 112), 22, &chart::MUTED)?;

    tiles(root, r, font, 168)?;

    // Week by week.
    let top = 520;
    heading(root, &t!(l, "impact-section-weeks"), (MARGIN, top), full)?;
    let panels_area = root
        .clone()
        .shrink((MARGIN - 12, top + 52), (full as u32 + 24, 300));
    let many = i.weeks.len() > 6;
    let labels: Vec<String> = i
        .weeks
        .iter()
        .enumerate()
        .map(|(n, w)| {
            // Every other label when the weeks are many, so they do not run together.
            if many && n % 2 == 1 {
                String::new()
            } else {
                text::day_month(l, w.start)
            }
        })
        .collect();
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let weeks: Vec<chart::ChartWeek> = i
        .weeks
        .iter()
        .map(|w| chart::ChartWeek {
            label: String::new(),
            answer_rate: w.answer_rate(),
            active_pairs: w.active_members,
            pulse: w.pulse.map(|p| p.average),
        })
        .collect();
    let active: Vec<u32> = i.weeks.iter().map(|w| w.active_members).collect();
    let mut rate = chart::answer_rate_panel(l, &weeks);
    rate.caption = t!(l, "impact-chart-answered");
    let mut pulse = chart::pulse_panel(l, &weeks);
    pulse.caption = t!(l, "impact-chart-pulse");
    let panels = [
        chart::count_panel(
            t!(l, "impact-chart-active"),
            &active,
            chart::VERMILLION,
            Marker::Square,
        ),
        rate,
        pulse,
    ];
    for (area, panel) in panels_area.split_evenly((1, 3)).iter().zip(&panels) {
        chart::draw_panel(area, l, panel, &labels)?;
    }

    let left = MARGIN;
    let right = MARGIN + COLUMN + GAP;

    // How the pairs stand, and mentor load with waits.
    let top = 915;
    heading(root, &t!(l, "impact-section-outcomes"), (left, top), COLUMN)?;
    let shown: Vec<(Outcome, u32)> = i
        .outcomes
        .iter()
        .copied()
        .filter(|(o, n)| *n > 0 || o.retained())
        .collect();
    let max = shown.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let mut y = top + 60;
    for (o, n) in &shown {
        let colour = match o {
            Outcome::Continuing => chart::BLUE,
            Outcome::Completed => chart::GREEN,
            _ => chart::VERMILLION,
        };
        bar(
            root,
            &outcome(l, *o),
            *n,
            max,
            (left, y),
            250,
            COLUMN,
            &colour,
        )?;
        y += 36;
    }
    let mut left_end = y;
    if let Some(rate) = i.retention() {
        let line = t!(
            l,
            "impact-retention-note",
            rate = pct(l, rate),
            kept = i.retained(),
            pairs = i.pairs
        );
        left_end = paragraph(
            root,
            font,
            &line,
            (left, y + 8),
            18,
            &chart::MUTED,
            COLUMN,
            3,
        )?;
    }

    heading(root, &t!(l, "impact-section-load"), (right, top), COLUMN)?;
    let mut y = paragraph(
        root,
        font,
        &r.load_line(),
        (right, top + 56),
        18,
        &INK,
        COLUMN,
        3,
    )?;
    let most = i.load.spread.iter().map(|(_, n)| *n).max().unwrap_or(0);
    for (mentees, mentors) in i.load.spread.iter().take(5) {
        let label = t!(l, "impact-load-label", mentees = *mentees);
        bar(
            root,
            &label,
            *mentors,
            most,
            (right, y + 4),
            150,
            COLUMN,
            &chart::BLUE,
        )?;
        y += 34;
    }
    let y = y + 16;
    write(root, &t!(l, "impact-section-waits"), (right, y), 22, &INK)?;
    let right_end = paragraph(
        root,
        font,
        &r.waits_line(),
        (right, y + 34),
        18,
        &INK,
        COLUMN,
        4,
    )?;

    // The exit survey and what members said, below the taller of the two columns.
    let top = left_end.max(right_end) + 40;
    heading(root, &t!(l, "impact-section-exit"), (left, top), COLUMN)?;
    // The sentences carry Markdown bold for Discord; a picture shows them plain.
    let exit = r.exit_line().replace("**", "");
    let mut y = paragraph(root, font, &exit, (left, top + 56), 18, &INK, COLUMN, 3)?;
    if i.exit.shown {
        let most = i.exit.ratings.iter().copied().max().unwrap_or(0);
        for score in (1..=5u32).rev() {
            let label = t!(l, "impact-rating", score = score);
            let n = i.exit.ratings[score as usize - 1];
            bar(
                root,
                &label,
                n,
                most,
                (left, y + 4),
                150,
                COLUMN,
                &chart::GREEN,
            )?;
            y += 34;
        }
    }

    heading(root, &t!(l, "impact-section-said"), (right, top), COLUMN)?;
    let mut y = top + 56;
    if !i.exit.shown {
        paragraph(
            root,
            font,
            &t!(l, "impact-comments-hidden", min = i.anonymity_min),
            (right, y),
            18,
            &chart::MUTED,
            COLUMN,
            3,
        )?;
    } else {
        for (question, list) in [
            (t!(l, "impact-exit-worked"), &i.exit.worked),
            (t!(l, "impact-exit-change"), &i.exit.change),
        ] {
            write(root, &question, (right, y), 20, &INK)?;
            y += 32;
            if list.is_empty() {
                write(
                    root,
                    &t!(l, "impact-exit-no-comments"),
                    (right, y),
                    17,
                    &chart::MUTED,
                )?;
                y += 30;
            }
            // As many as fit above the footer, at most QUOTES; the rest are counted.
            let mut shown = 0;
            for (c, n) in list.iter().take(QUOTES) {
                let lines = wrap(font, 17, &quote(l, c, *n), (COLUMN - 12) as f32, 2).len() as i32;
                if y + lines * 24 + 30 > FOOTER {
                    break;
                }
                y = paragraph(
                    root,
                    font,
                    &quote(l, c, *n),
                    (right + 12, y),
                    17,
                    &chart::MUTED,
                    COLUMN - 12,
                    2,
                )? + 6;
                shown += 1;
            }
            if list.len() > shown && y + 40 <= FOOTER {
                let more = t!(l, "impact-more-comments", count = list.len() - shown);
                write(root, &more, (right + 12, y), 16, &chart::MUTED)?;
                y += 26;
            }
            y += 10;
        }
    }

    // Footer.
    let y = FOOTER;
    root.draw(&Rectangle::new(
        [(MARGIN, y), (MARGIN + full, y + 1)],
        RULE.filled(),
    ))?;
    let foot = format!("{} {}", r.footnote(), r.made_line());
    paragraph(
        root,
        font,
        &foot,
        (MARGIN, y + 16),
        16,
        &chart::MUTED,
        full,
        3,
    )?;
    Ok(())
}

/// The eight headline tiles, two rows of four.
fn tiles(root: &Area<'_>, r: &ImpactReport, font: &FontRef<'_>, top: i32) -> DrawResult<'static> {
    let (l, i) = (r.locale, &r.impact);
    let none = || t!(l, "impact-none");
    let pulse = i.pulse.map(|p| l.number(p.average, 1));
    let exit = i
        .exit
        .average
        .filter(|_| i.exit.shown)
        .map(|a| l.number(a, 1));
    let tiles: [(String, String, RGBColor); 8] = [
        (
            l.number(f64::from(i.people), 0),
            t!(
                l,
                "impact-tile-people",
                mentors = i.mentors,
                mentees = i.mentees,
                peers = i.peers
            ),
            chart::BLUE,
        ),
        (
            l.number(f64::from(i.pairs), 0),
            t!(l, "impact-tile-pairs", pairs = i.pairs, new = i.new_pairs),
            chart::BLUE,
        ),
        (
            i.retention().map_or_else(none, |x| pct(l, x)),
            t!(l, "impact-tile-retention"),
            chart::GREEN,
        ),
        (
            t!(
                l,
                "impact-tile-goals-value",
                done = i.goals_done,
                set = i.goals_set
            ),
            t!(l, "impact-tile-goals"),
            chart::GREEN,
        ),
        (
            i.answer_rate().map_or_else(none, |x| pct(l, x)),
            t!(l, "impact-tile-answered"),
            chart::BLUE,
        ),
        (
            pulse.clone().unwrap_or_else(none),
            match pulse {
                Some(_) => t!(l, "impact-tile-pulse"),
                None => t!(l, "impact-tile-pulse-hidden", min = i.anonymity_min),
            },
            chart::GREEN,
        ),
        (
            exit.clone().unwrap_or_else(none),
            match exit {
                Some(_) => t!(l, "impact-tile-exit", answers = i.exit.answers),
                None => t!(l, "impact-tile-exit-hidden", answers = i.exit.answers),
            },
            chart::GREEN,
        ),
        (
            i.waits.median_days.map_or_else(none, |d| days(l, d)),
            t!(l, "impact-tile-wait"),
            chart::VERMILLION,
        ),
    ];
    let w = (WIDTH as i32 - 2 * MARGIN - 3 * 20) / 4;
    let h = 150;
    for (n, (value, label, colour)) in tiles.iter().enumerate() {
        let x = MARGIN + (n as i32 % 4) * (w + 20);
        let y = top + (n as i32 / 4) * (h + 20);
        root.draw(&Rectangle::new([(x, y), (x + w, y + h)], TILE.filled()))?;
        let value = wrap(font, 44, value, (w - 36) as f32, 1).join("");
        write(root, &value, (x + 18, y + 16), 44, colour)?;
        paragraph(root, font, label, (x + 18, y + 74), 16, &INK, w - 36, 3)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cycle::Cycle;
    use crate::domain::impact::{compute, CycleFacts, ExitFact};
    use crate::text::Locale;

    /// A report with every section full: many long comments, no weeks of data.
    fn full(l: Locale) -> ImpactReport {
        let at: chrono::DateTime<chrono::Utc> = "2027-01-04T09:00:00Z".parse().unwrap();
        let long = "Nous avons beaucoup appris ensemble, surtout pendant les revues de code du jeudi, et les objectifs hebdomadaires nous ont donné un cap clair";
        let exits = (0..12)
            .map(|i| ExitFact {
                pair_id: 1,
                rating: (i % 5 + 1) as u8,
                worked: Some(format!("{long} {i}")),
                change: Some(format!("{long} {}", i % 3)),
            })
            .collect();
        let facts = CycleFacts {
            cycle: Cycle {
                id: 1,
                guild_id: 1,
                name: "Printemps 2027 : cohorte des nouveaux contributeurs".into(),
                started_at: at,
                ends_at: at + chrono::Duration::weeks(12),
                ended_at: Some(at + chrono::Duration::weeks(12)),
            },
            until: at + chrono::Duration::weeks(12),
            pairs: Vec::new(),
            all_pairs: Vec::new(),
            members: Vec::new(),
            goals: Vec::new(),
            exits,
            weeks: Vec::new(),
            anonymity_min: 3,
        };
        ImpactReport {
            impact: compute(&facts),
            made: at,
            locale: l,
        }
    }

    #[test]
    fn a_full_page_renders_in_every_language_with_its_title_drawn() {
        for l in Locale::ALL {
            let png = full(l).png().unwrap();
            let img = image::load_from_memory(&png).unwrap().to_rgb8();
            assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT), "{l}");
            let dark = (0..WIDTH)
                .flat_map(|x| (40..100).map(move |y| (x, y)))
                .filter(|&(x, y)| img.get_pixel(x, y).0.iter().all(|&c| c < 100))
                .count();
            assert!(dark > 500, "{l}: only {dark} dark pixels in the title");
            // Nothing but the footnote is drawn in the footer's band.
            let below = (0..WIDTH)
                .flat_map(|x| (FOOTER as u32 - 12..FOOTER as u32 - 1).map(move |y| (x, y)))
                .filter(|&(x, y)| img.get_pixel(x, y).0 != [255, 255, 255])
                .count();
            assert_eq!(below, 0, "{l}: something runs into the footer");
        }
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width_and_marks_what_was_left_out() {
        let font = chart::font().unwrap();
        let text = "Weekly calls kept us going, and the goals gave every week a shape we could see";
        let lines = wrap(font, 18, text, 300.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(
            lines.iter().all(|l| width(font, 18, l) <= 300.0),
            "{lines:?}"
        );
        assert!(lines[1].ends_with('…'), "{lines:?}");
        let all = wrap(font, 18, text, 300.0, 10);
        assert_eq!(all.join(" "), text);
        let long = wrap(font, 18, &"x".repeat(200), 100.0, 2);
        assert!(long.iter().all(|l| width(font, 18, l) <= 100.0), "{long:?}");
        assert!(wrap(font, 18, "   ", 100.0, 2).is_empty());
    }
}
