//! PNG chart for the weekly engagement digest: three stacked panels (answer
//! rate, active pairs, pulse) over the same weeks, rendered fully in memory.

use std::sync::OnceLock;

use crate::text::{t, Locale};
use ab_glyph::FontRef;
use image::codecs::png::PngEncoder;
use image::ImageEncoder;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};

pub(super) use canvas::Canvas;

/// One week of the chart, oldest first.
pub struct ChartWeek {
    /// Short x-axis label, e.g. "16 Nov" (the Monday the week starts).
    pub label: String,
    /// Share of check-in prompts answered, 0.0..=1.0; None when no check-ins were due that week.
    pub answer_rate: Option<f64>,
    /// Pairs active during the week.
    pub active_pairs: u32,
    /// Pulse average 1.0..=5.0; None when hidden (too few answers) or no pulse that week.
    pub pulse: Option<f64>,
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("embedded font could not be loaded")]
    Font,
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the chart as PNG failed: {0}")]
    Encode(String),
}

pub const WIDTH: u32 = 900;
pub const HEIGHT: u32 = 720;

// Bundled so the chart renders on servers without any system fonts.
static FONT_BYTES: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
pub(super) const FONT: &str = "sans-serif";

// Pixel heights; ab_glyph scales by ascent-to-descent, so glyphs look a
// little smaller than the same size in a browser.
pub(super) const TITLE_SIZE: u32 = 28;
pub(super) const CAPTION_SIZE: u32 = 22;
pub(super) const LABEL_SIZE: u32 = 17;
const MARKER_SIZE: i32 = 6;

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
pub(super) const BLUE: RGBColor = RGBColor(0, 114, 178);
pub(super) const VERMILLION: RGBColor = RGBColor(213, 94, 0);
pub(super) const GREEN: RGBColor = RGBColor(0, 158, 115);
pub(super) const GRID: RGBColor = RGBColor(225, 225, 225);
pub(super) const MUTED: RGBColor = RGBColor(110, 110, 110);

/// Registers the bundled face with plotters (it measures text for layout)
/// and returns it for [`Canvas`] to draw glyphs with.
pub(super) fn font() -> Result<&'static FontRef<'static>, ChartError> {
    static FONT_REF: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT_REF
        .get_or_init(|| {
            // InvalidFont is not Debug, so the failure is reduced to None.
            register_font(FONT, FontStyle::Normal, FONT_BYTES).ok()?;
            FontRef::try_from_slice(FONT_BYTES).ok()
        })
        .as_ref()
        .ok_or(ChartError::Font)
}

#[derive(Clone, Copy)]
pub(super) enum Marker {
    Circle,
    Square,
    Triangle,
}

pub(super) struct Panel {
    pub(super) caption: String,
    pub(super) colour: RGBColor,
    pub(super) marker: Marker,
    /// Per week, in plotted units; None leaves a gap.
    pub(super) values: Vec<Option<f64>>,
    pub(super) y_range: std::ops::Range<f64>,
    pub(super) y_ticks: Vec<f64>,
    /// Tick labels, in the reader's language ("50%", "50 %").
    pub(super) y_format: Box<dyn Fn(&f64) -> String>,
}

/// PNG bytes.
pub fn render(l: Locale, weeks: &[ChartWeek]) -> Result<Vec<u8>, ChartError> {
    png(WIDTH, HEIGHT, |root| draw(root, l, weeks))
}

/// A picture of `width` × `height` pixels drawn by `paint` in memory, as PNG bytes.
pub(super) fn png(
    width: u32,
    height: u32,
    paint: impl for<'a> FnOnce(&DrawingArea<Canvas<'a>, Shift>) -> DrawResult<'a>,
) -> Result<Vec<u8>, ChartError> {
    let font = font()?;
    let mut rgb = vec![0u8; (width * height * 3) as usize];
    {
        let root = Canvas {
            inner: BitMapBackend::with_buffer(&mut rgb, (width, height)),
            font,
        }
        .into_drawing_area();
        paint(&root).map_err(|e| ChartError::Draw(e.to_string()))?;
        root.present()
            .map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    let mut png = Vec::new();
    PngEncoder::new(&mut png)
        .write_image(&rgb, width, height, image::ColorType::Rgb8)
        .map_err(|e| ChartError::Encode(e.to_string()))?;
    Ok(png)
}

pub(super) type DrawResult<'a> =
    Result<(), DrawingAreaErrorKind<<Canvas<'a> as DrawingBackend>::ErrorType>>;

fn draw<'a>(
    root: &DrawingArea<Canvas<'a>, Shift>,
    l: Locale,
    weeks: &[ChartWeek],
) -> DrawResult<'a> {
    root.fill(&WHITE)?;
    let n = weeks.len();
    let title = t!(l, "digest-chart-title", weeks = n);
    let body = root
        .margin(8, 0, 0, 0)
        .titled(&title, (FONT, TITLE_SIZE).into_font().color(&BLACK))?;

    let labels: Vec<&str> = weeks.iter().map(|w| w.label.as_str()).collect();
    let panels = [
        answer_rate_panel(l, weeks),
        active_pairs_panel(l, weeks),
        pulse_panel(l, weeks),
    ];
    for (area, panel) in body.split_evenly((3, 1)).iter().zip(&panels) {
        draw_panel(area, l, panel, &labels)?;
    }
    Ok(())
}

pub(super) fn draw_panel<'a>(
    area: &DrawingArea<Canvas<'a>, Shift>,
    l: Locale,
    panel: &Panel,
    labels: &[&str],
) -> DrawResult<'a> {
    let n = labels.len();
    // Half a slot of padding each side keeps edge markers and labels inside.
    let x_range = Ticked::new(
        -0.5..n.max(1) as f64 - 0.5,
        (0..n).map(|i| i as f64).collect(),
    );
    let y_range = Ticked::new(panel.y_range.clone(), panel.y_ticks.clone());

    let mut chart = ChartBuilder::on(area)
        .caption(
            &panel.caption,
            (FONT, CAPTION_SIZE).into_font().color(&BLACK),
        )
        .margin_left(12)
        .margin_right(24)
        .margin_bottom(4)
        .x_label_area_size(28)
        .y_label_area_size(56)
        .build_cartesian_2d(x_range, y_range)?;

    let x_fmt = |x: &f64| {
        labels
            .get(x.round().max(0.0) as usize)
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID)
        .axis_style(MUTED)
        .label_style((FONT, LABEL_SIZE).into_font().color(&BLACK))
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&*panel.y_format)
        .draw()?;

    if panel.values.iter().all(Option::is_none) {
        let x_mid = (n.max(1) as f64 - 1.0) / 2.0;
        let y_mid = (panel.y_range.start + panel.y_range.end) / 2.0;
        let style = (FONT, LABEL_SIZE + 2)
            .into_font()
            .color(&MUTED)
            .pos(Pos::new(HPos::Center, VPos::Center));
        chart.draw_series(std::iter::once(Text::new(
            t!(l, "digest-chart-no-data"),
            (x_mid, y_mid),
            style,
        )))?;
        return Ok(());
    }

    let line = panel.colour.stroke_width(3);
    for run in runs(&panel.values) {
        chart.draw_series(LineSeries::new(run, line))?;
    }
    let points = panel
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|y| (i as f64, y)));
    let fill = panel.colour.filled();
    let halo = WHITE.stroke_width(2);
    // A white outline keeps markers distinct where they sit on the line.
    match panel.marker {
        Marker::Circle => chart.draw_series(points.flat_map(|p| {
            [
                Circle::new(p, MARKER_SIZE + 1, halo),
                Circle::new(p, MARKER_SIZE, fill),
            ]
        }))?,
        Marker::Square => chart.draw_series(points.map(|p| {
            let s = MARKER_SIZE;
            EmptyElement::at(p)
                + Rectangle::new([(-s - 1, -s - 1), (s + 1, s + 1)], WHITE.filled())
                + Rectangle::new([(-s, -s), (s, s)], fill)
        }))?,
        Marker::Triangle => chart.draw_series(points.flat_map(|p| {
            [
                TriangleMarker::new(p, MARKER_SIZE + 3, WHITE.filled()),
                TriangleMarker::new(p, MARKER_SIZE + 1, fill),
            ]
        }))?,
    };
    Ok(())
}

/// An f64 axis with exactly the given ticks. Plotters' own `WithKeyPoints`
/// cannot be used here: wrapping an f64 range loses its label formatter, so
/// `configure_mesh` no longer compiles.
struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ticked {
    fn new(range: std::ops::Range<f64>, ticks: Vec<f64>) -> Self {
        Self {
            inner: range.into(),
            ticks,
        }
    }
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // No minor grid lines: only the listed ticks.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.inner.range()
    }
}

/// Consecutive non-missing points, so gaps break the line instead of dropping to zero.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(y) => cur.push((i as f64, *y)),
            None if !cur.is_empty() => out.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

pub(super) fn answer_rate_panel(l: Locale, weeks: &[ChartWeek]) -> Panel {
    let values: Vec<Option<f64>> = weeks
        .iter()
        // A non-finite value would plot at a bogus pixel, so it counts as missing.
        .map(|w| {
            w.answer_rate
                .filter(|r| r.is_finite())
                .map(|r| (r * 100.0).clamp(0.0, 100.0))
        })
        .collect();
    // Captions describe the newest week only; an older value would misstate "this week".
    let caption = match values.last() {
        _ if values.iter().all(Option::is_none) => t!(l, "digest-chart-rate"),
        Some(Some(pct)) => t!(l, "digest-chart-rate-now", rate = l.number(*pct, 0)),
        _ => t!(l, "digest-chart-rate-none"),
    };
    Panel {
        caption,
        colour: BLUE,
        marker: Marker::Circle,
        values,
        y_range: -4.0..106.0,
        y_ticks: vec![0.0, 25.0, 50.0, 75.0, 100.0],
        y_format: Box::new(move |y| t!(l, "digest-percent", value = l.number(*y, 0))),
    }
}

fn active_pairs_panel(l: Locale, weeks: &[ChartWeek]) -> Panel {
    let caption = match weeks.last() {
        Some(w) => t!(l, "digest-chart-pairs-now", pairs = w.active_pairs),
        None => t!(l, "digest-chart-pairs"),
    };
    let counts: Vec<u32> = weeks.iter().map(|w| w.active_pairs).collect();
    count_panel(caption, &counts, VERMILLION, Marker::Square)
}

/// A panel of whole counts, one per week, on an axis of whole steps from zero.
pub(super) fn count_panel(
    caption: String,
    counts: &[u32],
    colour: RGBColor,
    marker: Marker,
) -> Panel {
    let values: Vec<Option<f64>> = counts.iter().map(|n| Some(f64::from(*n))).collect();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let step = integer_step(max);
    let top = max.div_ceil(step) * step;
    let pad = top as f64 * 0.06;
    Panel {
        caption,
        colour,
        marker,
        values,
        y_range: -pad..top as f64 + pad,
        y_ticks: (0..=top).step_by(step as usize).map(f64::from).collect(),
        y_format: Box::new(|y| format!("{y:.0}")),
    }
}

/// A 1/2/5×10ⁿ step giving at most five intervals, never fractional.
fn integer_step(max: u32) -> u32 {
    let mut magnitude = 1u32;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            if max.div_ceil(step) <= 5 {
                return step;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

pub(super) fn pulse_panel(l: Locale, weeks: &[ChartWeek]) -> Panel {
    let values: Vec<Option<f64>> = weeks
        .iter()
        .map(|w| w.pulse.filter(|p| p.is_finite()).map(|p| p.clamp(1.0, 5.0)))
        .collect();
    let caption = match values.last() {
        _ if values.iter().all(Option::is_none) => t!(l, "digest-chart-pulse"),
        Some(Some(p)) => t!(l, "digest-chart-pulse-now", average = l.number(*p, 1)),
        _ => t!(l, "digest-chart-pulse-none"),
    };
    Panel {
        caption,
        colour: GREEN,
        marker: Marker::Triangle,
        values,
        y_range: 0.8..5.25,
        y_ticks: vec![1.0, 2.0, 3.0, 4.0, 5.0],
        y_format: Box::new(|y| format!("{y:.0}")),
    }
}

mod canvas {
    use ab_glyph::{point, Font, FontRef, ScaleFont};
    use plotters::prelude::{BitMapBackend, DrawingBackend};
    use plotters::style::text_anchor::{HPos, VPos};
    use plotters_backend::{
        BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
    };

    /// `BitMapBackend` with its own text drawing. Plotters' ab_glyph renderer
    /// drops each glyph's left side bearing, so "14" reads as "1 4" and
    /// "average" as "a verage"; this places glyphs at their true pen positions.
    /// Layout (text boxes, anchors, baseline) matches plotters', so its label
    /// areas still fit. Only the one bundled face is used, whatever the family.
    pub(crate) struct Canvas<'a> {
        pub(super) inner: BitMapBackend<'a>,
        pub(super) font: &'static FontRef<'static>,
    }

    impl DrawingBackend for Canvas<'_> {
        type ErrorType = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

        fn get_size(&self) -> (u32, u32) {
            self.inner.get_size()
        }

        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.ensure_prepared()
        }

        fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.present()
        }

        fn draw_pixel(
            &mut self,
            point: BackendCoord,
            color: BackendColor,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.draw_pixel(point, color)
        }

        fn draw_line<S: BackendStyle>(
            &mut self,
            from: BackendCoord,
            to: BackendCoord,
            style: &S,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.draw_line(from, to, style)
        }

        fn draw_rect<S: BackendStyle>(
            &mut self,
            upper_left: BackendCoord,
            bottom_right: BackendCoord,
            style: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.draw_rect(upper_left, bottom_right, style, fill)
        }

        fn blit_bitmap(
            &mut self,
            pos: BackendCoord,
            size: (u32, u32),
            src: &[u8],
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.blit_bitmap(pos, size, src)
        }

        fn draw_text<S: BackendTextStyle>(
            &mut self,
            text: &str,
            style: &S,
            pos: BackendCoord,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            let color = style.color();
            if color.alpha == 0.0 {
                return Ok(());
            }
            // Anchoring as in plotters' default `draw_text`.
            let ((min_x, min_y), (max_x, max_y)) = style
                .layout_box(text)
                .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
            let dx = match style.anchor().h_pos {
                HPos::Left => 0,
                HPos::Right => min_x - max_x,
                HPos::Center => (min_x - max_x) / 2,
            };
            let dy = match style.anchor().v_pos {
                VPos::Top => 0,
                VPos::Center => (min_y - max_y) / 2,
                VPos::Bottom => min_y - max_y,
            };
            let trans = style.transform();
            let (w, h) = self.get_size();

            let size = style.size() as f32;
            let scaled = self.font.as_scaled(size);
            let mut pen = 0.0f32;
            let mut prev = None;
            let mut result = Ok(());
            for c in text.chars() {
                let id = scaled.glyph_id(c);
                if let Some(prev) = prev {
                    pen += scaled.kern(prev, id);
                }
                prev = Some(id);
                let glyph = id.with_scale_and_position(size, point(pen, 0.0));
                pen += scaled.h_advance(id);
                let Some(outline) = self.font.outline_glyph(glyph) else {
                    continue; // e.g. a space
                };
                let bounds = outline.px_bounds();
                // plotters puts the baseline half the font size below the top.
                let (gx, gy) = (bounds.min.x as i32, (size / 2.0 + bounds.min.y) as i32);
                outline.draw(|x, y, coverage| {
                    if result.is_err() {
                        return;
                    }
                    let (x, y) =
                        trans.transform(gx + x as i32 + dx - min_x, gy + y as i32 + dy - min_y);
                    let (x, y) = (pos.0 + x, pos.1 + y);
                    if x >= 0 && x < w as i32 && y >= 0 && y < h as i32 {
                        result = self.inner.draw_pixel((x, y), color.mix(coverage as f64));
                    }
                });
            }
            result
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

    fn week(label: &str, rate: Option<f64>, pairs: u32, pulse: Option<f64>) -> ChartWeek {
        ChartWeek {
            label: label.to_string(),
            answer_rate: rate,
            active_pairs: pairs,
            pulse,
        }
    }

    fn eight_weeks() -> Vec<ChartWeek> {
        vec![
            week("28 Sep", Some(0.55), 9, Some(3.6)),
            week("5 Oct", Some(0.61), 10, Some(3.9)),
            week("12 Oct", Some(0.58), 11, None),
            week("19 Oct", Some(0.70), 12, Some(4.1)),
            week("26 Oct", Some(0.66), 12, Some(4.0)),
            week("2 Nov", Some(0.81), 13, Some(4.3)),
            week("9 Nov", Some(0.75), 12, Some(4.2)),
            week("16 Nov", Some(0.72), 14, Some(4.4)),
        ]
    }

    fn gappy_weeks() -> Vec<ChartWeek> {
        vec![
            week("28 Sep", None, 3, Some(4.0)),
            week("5 Oct", Some(0.40), 4, None),
            week("12 Oct", Some(0.50), 4, Some(3.0)),
            week("19 Oct", None, 5, Some(3.5)),
            week("26 Oct", Some(1.0), 5, None),
            week("2 Nov", Some(0.0), 0, Some(2.5)),
            week("9 Nov", Some(0.35), 6, Some(5.0)),
            week("16 Nov", None, 6, None),
        ]
    }

    fn decode(png: &[u8]) -> image::DynamicImage {
        assert_eq!(png[..8], PNG_SIGNATURE);
        image::load_from_memory_with_format(png, image::ImageFormat::Png).expect("decodes")
    }

    fn assert_size(png: &[u8]) {
        let img = decode(png);
        assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
    }

    #[test]
    fn eight_weeks_with_gaps() {
        let mut weeks = eight_weeks();
        weeks[3].answer_rate = None;
        weeks[6].pulse = None;
        assert_size(&render(Locale::En, &weeks).unwrap());
    }

    #[test]
    fn one_week() {
        assert_size(&render(Locale::En, &[week("16 Nov", Some(0.5), 1, Some(4.0))]).unwrap());
    }

    #[test]
    fn zero_weeks_is_not_an_error() {
        assert_size(&render(Locale::En, &[]).unwrap());
    }

    #[test]
    fn all_none_series() {
        let weeks = vec![week("9 Nov", None, 0, None), week("16 Nov", None, 0, None)];
        assert_size(&render(Locale::En, &weeks).unwrap());
    }

    /// Guards against text silently vanishing (no font): the title band must
    /// hold dark glyph pixels.
    #[test]
    fn title_text_is_drawn() {
        let img = decode(&render(Locale::En, &[]).unwrap()).to_rgb8();
        let dark = (0..WIDTH)
            .flat_map(|x| (0..36).map(move |y| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y).0.iter().all(|&c| c < 100))
            .count();
        assert!(dark > 200, "only {dark} dark pixels in the title band");
    }

    #[test]
    fn runs_split_at_gaps() {
        let r = runs(&[None, Some(1.0), Some(2.0), None, Some(3.0), None]);
        assert_eq!(r, vec![vec![(1.0, 1.0), (2.0, 2.0)], vec![(4.0, 3.0)]]);
    }

    #[test]
    fn captions_describe_the_newest_week() {
        let weeks = gappy_weeks();
        assert_eq!(
            answer_rate_panel(Locale::En, &weeks).caption,
            "Check-in answer rate: no check-ins due this week"
        );
        assert_eq!(
            active_pairs_panel(Locale::En, &weeks).caption,
            "Active pairs: 6 this week"
        );
        let weeks = eight_weeks();
        assert_eq!(
            answer_rate_panel(Locale::En, &weeks).caption,
            "Check-in answer rate: 72% this week"
        );
        assert_eq!(
            pulse_panel(Locale::En, &weeks).caption,
            "Pulse average (1–5): 4.4 this week"
        );
        assert_eq!(pulse_panel(Locale::En, &[]).caption, "Pulse average (1–5)");
    }

    #[test]
    fn non_finite_values_are_gaps() {
        let weeks = vec![
            week("9 Nov", Some(f64::NAN), 1, Some(f64::INFINITY)),
            week("16 Nov", Some(0.5), 1, Some(3.0)),
        ];
        assert_eq!(
            answer_rate_panel(Locale::En, &weeks).values,
            vec![None, Some(50.0)]
        );
        assert_eq!(
            pulse_panel(Locale::En, &weeks).values,
            vec![None, Some(3.0)]
        );
        assert_size(&render(Locale::En, &weeks).unwrap());
    }

    #[test]
    fn integer_steps() {
        assert_eq!(integer_step(1), 1);
        assert_eq!(integer_step(5), 1);
        assert_eq!(integer_step(6), 2);
        assert_eq!(integer_step(14), 5);
        assert_eq!(integer_step(120), 50);
    }
}
