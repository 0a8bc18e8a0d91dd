//! A group's update sheet as an `.xlsx` workbook: the header block, the table with its
//! current values, the rows for new activities, the hidden ties; only Progress and Remarks
//! (and the new rows) can be typed in, and it prints on A4 landscape.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, ProtectionOptions,
    Workbook, Worksheet,
};

use super::tie::{LeftOut, RowTie, SheetTie, description_print};
use super::{Column, NEW_ROWS, SheetWords, cell_text, columns};
use crate::i18n::Lang;
use crate::model::{Report, numeral};

pub use rust_xlsxwriter::XlsxError;

/// The row (from 0) of the table's header; the header block is above it.
const HEADER_ROW: u32 = 6;

/// Group `index` of `report` as an update sheet in `lang`: the bytes of the `.xlsx` file.
pub fn write_xlsx(report: &Report, index: usize, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let words = SheetWords::of(lang);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(numeral(index + 1))?;
    write_sheet(sheet, report, index, &words)?;
    workbook.save_to_buffer()
}

struct Formats {
    title: Format,
    text: Format,
    header: Format,
    locked: Format,
    progress: Format,
    remarks: Format,
    new_text: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(13).set_text_wrap(),
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            header: cell.clone().set_bold().set_text_wrap().set_background_color(0xD9E2F3),
            locked: cell.clone().set_text_wrap().set_background_color(0xF2F2F2),
            progress: cell.clone().set_unlocked().set_align(FormatAlign::Center),
            remarks: cell.clone().set_unlocked().set_text_wrap(),
            new_text: cell.set_unlocked().set_text_wrap(),
        }
    }
}

fn write_sheet(
    sheet: &mut Worksheet,
    report: &Report,
    index: usize,
    words: &SheetWords,
) -> Result<(), XlsxError> {
    let group = &report.groups[index];
    let columns = columns(group);
    let col = |c: Column| columns.iter().position(|x| *x == c).unwrap_or(0) as u16;
    let last_visible = col(Column::Remarks);
    let f = Formats::new();

    // The header block.
    let total: f64 = columns.iter().filter(|c| **c != Column::Tie).map(|c| width(*c)).sum();
    let heading = format!("{} · {}", report.symbol, report.title);
    sheet.merge_range(0, 0, 0, last_visible, &heading, &f.title)?;
    sheet.set_row_height(0, 18 * lines(&heading, total * 0.85))?;
    let group_line = format!("{} {} · {}", words.group, numeral(index + 1), group.topic);
    sheet.merge_range(1, 0, 1, last_visible, &group_line, &f.title)?;
    sheet.merge_range(2, 0, 2, last_visible, &group.title, &f.text)?;
    let coordinators = if group.coordinators.is_empty() {
        words.no_coordinators.to_string()
    } else {
        crate::model::Coordinator::line(&group.coordinators)
    };
    sheet.merge_range(
        3,
        0,
        3,
        last_visible,
        &format!("{}: {coordinators}", words.coordinators),
        &f.text,
    )?;
    sheet.merge_range(4, 0, 4, last_visible, words.instruction, &f.text)?;
    for (row, text) in
        [(2, group.title.as_str()), (3, coordinators.as_str()), (4, words.instruction)]
    {
        sheet.set_row_height(row, 15 * lines(text, total))?;
    }

    // The table.
    for c in &columns {
        let title = match c {
            Column::Tie => SheetTie::of(report, index).to_cell(),
            _ => words.title(*c).to_string(),
        };
        sheet.write_string_with_format(HEADER_ROW, col(*c), &title, &f.header)?;
    }
    let mut row = HEADER_ROW + 1;
    for (a, activity) in group.activities.iter().enumerate() {
        let description = cell_text(&activity.description);
        let remarks = cell_text(&activity.remarks);
        let left_out = LeftOut { description: description.is_none(), remarks: remarks.is_none() };
        // Spreadsheets do not grow a row to its wrapped text on opening: it is set here.
        let tallest = [
            (activity.description.as_str(), width(Column::Activity)),
            (activity.remarks.as_str(), width(Column::Remarks)),
            (activity.topic.as_deref().unwrap_or_default(), width(Column::Topic)),
        ]
        .into_iter()
        .map(|(text, width)| lines(text, width))
        .max()
        .unwrap_or(1);
        sheet.set_row_height(row, 15 * tallest.min(400))?;
        for c in &columns {
            let at = col(*c);
            match c {
                Column::Number => {
                    sheet.write_number_with_format(row, at, (a + 1) as f64, &f.locked)?;
                }
                Column::Topic => {
                    let topic = activity.topic.as_deref().unwrap_or_default();
                    sheet.write_string_with_format(row, at, topic, &f.locked)?;
                }
                Column::Activity => {
                    let text = description.unwrap_or(words.too_long);
                    sheet.write_string_with_format(row, at, text, &f.locked)?;
                }
                Column::Progress => {
                    let value = f64::from(activity.progress.get());
                    sheet.write_number_with_format(row, at, value, &f.progress)?;
                }
                Column::Remarks => {
                    match remarks {
                        Some(text) => sheet.write_string_with_format(row, at, text, &f.remarks)?,
                        None => {
                            sheet.write_string_with_format(row, at, words.too_long, &f.locked)?
                        }
                    };
                }
                Column::Tie => {
                    let print = description_print(&activity.description);
                    let tie = RowTie::Activity { index: a, print, left_out };
                    sheet.write_string(row, at, tie.to_cell(index))?;
                }
            }
        }
        row += 1;
    }
    let last_activity_row = row.saturating_sub(1);

    // The rows for new activities.
    row += 1;
    sheet.merge_range(
        row,
        0,
        row,
        last_visible,
        words.new_activities,
        &Format::new().set_bold(),
    )?;
    row += 1;
    let first_new = row;
    for _ in 0..NEW_ROWS {
        for c in &columns {
            let at = col(*c);
            match c {
                Column::Number => sheet.write_blank(row, at, &f.locked)?,
                Column::Tie => sheet.write_string(row, at, RowTie::New.to_cell(index))?,
                Column::Progress => sheet.write_blank(row, at, &f.progress)?,
                _ => sheet.write_blank(row, at, &f.new_text)?,
            };
        }
        row += 1;
    }

    let validation = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(0, 100))
        .set_input_title(words.progress_title)?
        .set_input_message(words.progress_message)?
        .set_error_message(words.progress_message)?;
    let progress = col(Column::Progress);
    if !group.activities.is_empty() {
        sheet.add_data_validation(
            HEADER_ROW + 1,
            progress,
            last_activity_row,
            progress,
            &validation,
        )?;
    }
    sheet.add_data_validation(first_new, progress, row - 1, progress, &validation)?;

    for c in &columns {
        sheet.set_column_width(col(*c), width(*c))?;
    }
    sheet.set_column_hidden(col(Column::Tie))?;

    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
    sheet.set_paper_size(9); // A4
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_print_area(0, 0, row - 1, last_visible)?;
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    Ok(())
}

/// A column's width, in characters.
fn width(column: Column) -> f64 {
    match column {
        Column::Number => 6.0,
        Column::Topic => 22.0,
        Column::Activity => 50.0,
        Column::Progress => 11.0,
        Column::Remarks => 60.0,
        Column::Tie => 12.0,
    }
}

/// About how many lines `text` takes wrapped in a column `width` characters wide.
fn lines(text: &str, width: f64) -> u32 {
    let per_line = (width * 0.95).max(1.0);
    text.lines()
        .map(|line| (line.chars().count() as f64 / per_line).ceil().max(1.0) as u32)
        .sum::<u32>()
        .max(1)
}
