//! The digest's PNG chart: three stacked panels (answer rate, active pairs, pulse average) over
//! the same weeks. Separate panels instead of one chart with three scales; each series has its
//! own marker shape as well as colour, and its panel title states the latest value, so nothing
//! depends on telling colours apart. The font is bundled: a bare server has none.

use std::io::Cursor;
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

/// DejaVu Sans (Bitstream Vera licence, see fonts/DejaVuSans-LICENSE.txt).
static FONT: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";

pub const WIDTH: u32 = 900;
pub const HEIGHT: u32 = 780;

/// One week of the chart, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartWeek {
    /// x-axis label, e.g. "16 Nov".
    pub label: String,
    /// 0.0..=1.0; `None` when no check-ins were due.
    pub answer_rate: Option<f64>,
    pub active_pairs: u32,
    /// 1.0..=5.0; `None` when hidden or no pulse that week.
    pub pulse: Option<f64>,
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the bundled font could not be loaded")]
    Font,
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the chart as PNG failed: {0}")]
    Encode(String),
}

fn draw_err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError::Draw(format!("{e:?}"))
}

fn ensure_font() -> Result<(), ChartError> {
    static LOADED: OnceLock<bool> = OnceLock::new();
    let ok = *LOADED.get_or_init(|| register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    ok.then_some(()).ok_or(ChartError::Font)
}

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
}

struct Panel<'a> {
    title: String,
    values: Vec<Option<f64>>,
    y: (f64, f64),
    y_format: &'a dyn Fn(&f64) -> String,
    colour: RGBColor,
    marker: Marker,
    /// Join the points across weeks without a value (pulse rounds are every other week).
    join_gaps: bool,
}

/// PNG bytes of the chart for `weeks` (oldest first).
pub fn render(weeks: &[ChartWeek]) -> Result<Vec<u8>, ChartError> {
    ensure_font()?;
    let mut pixels = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let title = match weeks.len() {
            1 => "tandem: the last week".to_string(),
            n => format!("tandem: the last {n} weeks"),
        };
        let root = root
            .titled(&title, (FAMILY, 28).into_font().color(&BLACK))
            .map_err(draw_err)?;
        let latest = weeks.last();
        let percent = |v: &f64| format!("{v:.0}%");
        let whole = |v: &f64| format!("{v:.0}");
        let one_decimal = |v: &f64| format!("{v:.1}");
        let max_pairs = weeks.iter().map(|w| w.active_pairs).max().unwrap_or(0);
        let panels = [
            Panel {
                title: match latest.and_then(|w| w.answer_rate) {
                    Some(r) => format!("Check-ins answered: {:.0}% this week", r * 100.0),
                    None => "Check-ins answered (%)".into(),
                },
                values: weeks
                    .iter()
                    .map(|w| w.answer_rate.map(|r| r * 100.0))
                    .collect(),
                y: (0.0, 100.0),
                y_format: &percent,
                colour: RGBColor(0, 114, 178),
                marker: Marker::Circle,
                join_gaps: false,
            },
            Panel {
                title: match latest {
                    Some(w) => format!("Active pairs: {} this week", w.active_pairs),
                    None => "Active pairs".into(),
                },
                values: weeks.iter().map(|w| Some(w.active_pairs as f64)).collect(),
                y: (0.0, nice_ceiling(max_pairs)),
                y_format: &whole,
                colour: RGBColor(213, 94, 0),
                marker: Marker::Square,
                join_gaps: false,
            },
            Panel {
                title: match latest.and_then(|w| w.pulse) {
                    Some(p) => format!("Pulse average: {p:.1} of 5 this week"),
                    None => "Pulse average (1 to 5)".into(),
                },
                values: weeks.iter().map(|w| w.pulse).collect(),
                y: (1.0, 5.0),
                y_format: &one_decimal,
                colour: RGBColor(0, 158, 115),
                marker: Marker::Triangle,
                join_gaps: true,
            },
        ];
        let labels: Vec<&str> = weeks.iter().map(|w| w.label.as_str()).collect();
        for (area, panel) in root.split_evenly((3, 1)).iter().zip(&panels) {
            draw_panel(area, panel, &labels)?;
        }
        root.present().map_err(draw_err)?;
    }
    let image = image::RgbImage::from_raw(WIDTH, HEIGHT, pixels)
        .ok_or_else(|| ChartError::Encode("pixel buffer of the wrong size".into()))?;
    let mut png = Cursor::new(Vec::new());
    image
        .write_to(&mut png, image::ImageOutputFormat::Png)
        .map_err(|e| ChartError::Encode(e.to_string()))?;
    Ok(png.into_inner())
}

/// A round upper bound for a count axis: at least 1, with a little headroom.
fn nice_ceiling(max: u32) -> f64 {
    let max = (max as f64 * 1.15).ceil().max(1.0);
    let step = match max as u32 {
        0..=10 => 1.0,
        11..=50 => 5.0,
        51..=200 => 10.0,
        _ => 50.0,
    };
    (max / step).ceil() * step
}

fn draw_panel(
    area: &DrawingArea<BitMapBackend, Shift>,
    panel: &Panel,
    labels: &[&str],
) -> Result<(), ChartError> {
    let n = labels.len().max(1);
    let mut chart = ChartBuilder::on(area)
        .caption(&panel.title, (FAMILY, 21).into_font().color(&BLACK))
        .margin_left(12)
        .margin_right(28)
        .margin_top(6)
        .margin_bottom(4)
        .x_label_area_size(30)
        .y_label_area_size(58)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), panel.y.0..panel.y.1)
        .map_err(draw_err)?;
    let x_label = |x: &f64| {
        let i = x.round();
        if (x - i).abs() > 0.01 || i < 0.0 {
            return String::new();
        }
        labels
            .get(i as usize)
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n + 1)
        .x_label_formatter(&x_label)
        .y_labels(5)
        .y_label_formatter(panel.y_format)
        .label_style((FAMILY, 16).into_font().color(&BLACK))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(200, 200, 200))
        .draw()
        .map_err(draw_err)?;

    let points: Vec<(f64, f64)> = panel
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i as f64, v)))
        .collect();
    if points.is_empty() {
        let (w, h) = area.dim_in_pixel();
        area.draw_text(
            "no data yet",
            &(FAMILY, 20).into_font().color(&RGBColor(90, 90, 90)),
            (w as i32 / 2 - 50, h as i32 / 2),
        )
        .map_err(draw_err)?;
        return Ok(());
    }
    // A week without a value breaks the line (or is skipped) instead of dropping to zero.
    let mut segment: Vec<(f64, f64)> = Vec::new();
    let line = panel.colour.stroke_width(3);
    for (i, v) in panel.values.iter().enumerate() {
        match v {
            Some(v) => segment.push((i as f64, *v)),
            None if panel.join_gaps => {}
            None => {
                if segment.len() > 1 {
                    chart
                        .draw_series(LineSeries::new(segment.clone(), line))
                        .map_err(draw_err)?;
                }
                segment.clear();
            }
        }
    }
    if segment.len() > 1 {
        chart
            .draw_series(LineSeries::new(segment, line))
            .map_err(draw_err)?;
    }
    let fill = panel.colour.filled();
    match panel.marker {
        Marker::Circle => chart.draw_series(points.iter().map(|p| Circle::new(*p, 6, fill))),
        Marker::Square => chart.draw_series(
            points
                .iter()
                .map(|p| EmptyElement::at(*p) + Rectangle::new([(-6, -6), (6, 6)], fill)),
        ),
        Marker::Triangle => {
            chart.draw_series(points.iter().map(|p| TriangleMarker::new(*p, 8, fill)))
        }
    }
    .map_err(draw_err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weeks(n: usize) -> Vec<ChartWeek> {
        (0..n)
            .map(|i| ChartWeek {
                label: format!("{} Nov", 2 + i),
                answer_rate: (i != 2).then_some(0.4 + i as f64 * 0.05),
                active_pairs: 10 + i as u32,
                pulse: (i % 2 == 1).then_some(3.5 + i as f64 * 0.1),
            })
            .collect()
    }

    fn size_of(png: &[u8]) -> (u32, u32) {
        let img = image::load_from_memory(png).expect("a PNG");
        (img.width(), img.height())
    }

    #[test]
    fn eight_weeks_with_gaps_render_as_a_png_of_the_chart_size() {
        let png = render(&weeks(8)).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(size_of(&png), (WIDTH, HEIGHT));
    }

    #[test]
    fn one_week_and_no_weeks_still_render() {
        assert_eq!(size_of(&render(&weeks(1)).unwrap()), (WIDTH, HEIGHT));
        assert_eq!(size_of(&render(&[]).unwrap()), (WIDTH, HEIGHT));
    }

    #[test]
    fn count_axes_get_round_headroom() {
        assert_eq!(nice_ceiling(0), 1.0);
        assert_eq!(nice_ceiling(7), 9.0);
        assert_eq!(nice_ceiling(40), 50.0);
        assert_eq!(nice_ceiling(2000), 2300.0);
    }
}
