//! A file edited by hand may hold what wgtrack's layout does not keep: comments and Windows
//! line endings. The first save says so before it drops them: `wgtrack set` refuses without
//! `--force`, the app asks once (a yes holds for the session; a no keeps the edits
//! journaled). Comments are found as the parser finds them: `//` in a string is text.

use std::fs;
use std::path::Path;

use wgtrack::action::Action;
use wgtrack::app::{App, Mode};
use wgtrack::i18n::Lang;
use wgtrack::store::{self, Caution, Layout};

use crate::common::home::Home;
use crate::common::process::{in_home, opened, paths};
use crate::common::{Driver, assert_code, send, shipped, shipped_with, stderr};

/// The shipped report with a comment of each kind and one more line comment.
fn commented() -> String {
    let text = format!("// Edited by hand.\n{}", store::SHIPPED);
    let text = text.replacen("    groups: [", "    /* listed by number */\n    groups: [", 1);
    text.replacen("    date:", "    // the date of the report\n    date:", 1)
}

/// The shipped report with Windows line endings and three comments.
fn hand_edited() -> String {
    commented().replace('\n', "\r\n")
}

#[test]
fn the_hand_edited_files_load_as_the_shipped_report() {
    for text in [commented(), hand_edited()] {
        let report = store::parse(Path::new("report.ron"), &text).unwrap();
        assert!(report == shipped());
    }
    let layout = Layout::of(&hand_edited());
    assert_eq!(layout, Layout { crlf: true, line_comments: 2, block_comments: 1 });
}

#[test]
fn set_refuses_to_drop_comments_and_line_endings_and_force_saves() {
    let home = Home::with_text(&hand_edited());
    let output = home.run(&["-f", "report.ron", "set", "I", "6", "--progress", "35"]);
    assert_code(&output, 1);
    let said = stderr(&output);
    let what = "report.ron: the file has Windows line endings (CR LF) and 3 comments \
                (2 //, 1 /* */), which wgtrack's layout does not keep; nothing was saved; \
                pass --force to save anyway";
    assert!(said.contains(what), "{said}");
    assert!(home.bytes() == hand_edited().as_bytes(), "nothing was written");

    let forced = &["-f", "report.ron", "set", "I", "6", "--progress", "35", "--force"];
    assert_code(&home.run(forced), 0);
    let written = String::from_utf8(home.bytes()).unwrap();
    assert!(!written.contains('\r') && !written.contains("listed by number"), "wgtrack's layout");
    assert_eq!(home.report().groups[0].activities[5].progress.get(), 35);
}

#[test]
fn set_saves_a_file_whose_strings_hold_comment_marks() {
    let remark = r#"remarks: "See http://example.org/a//b and /* this */ too.", // and this"#;
    let text = shipped_with("remarks: \"\",", remark);
    let home = Home::with_text(&text);
    let output = home.run(&["-f", "report.ron", "set", "I", "6", "--progress", "35"]);
    assert_code(&output, 1);
    assert!(stderr(&output).contains("has a comment (//)"), "{}", stderr(&output));
    // Without the comment after it, the string's marks are text.
    let home = Home::with_text(&text.replace(" // and this", ""));
    let output = home.run(&["-f", "report.ron", "set", "I", "6", "--progress", "35"]);
    assert_code(&output, 0);
}

/// The app on `dir/report.ron` holding `text`, with one edit.
fn edited_app(dir: &Path, text: &str) -> (std::path::PathBuf, App) {
    let path = dir.join("report.ron");
    fs::write(&path, text).unwrap();
    let mut app = opened(dir, &path);
    send(&mut app, Action::Open);
    send(&mut app, Action::ProgressDown);
    (path, app)
}

#[test]
fn the_app_asks_once_before_dropping_comments_and_line_endings() {
    in_home(|home| {
        let (path, mut app) = edited_app(home, &hand_edited());
        send(&mut app, Action::Save);
        let layout = Layout { crlf: true, line_comments: 2, block_comments: 1 };
        let asked = matches!(app.mode(), Mode::ConfirmSave { caution: Caution::Layout(l), .. } if *l == layout);
        assert!(asked, "{:?}", app.mode());
        assert!(fs::read(&path).unwrap() == hand_edited().as_bytes(), "nothing written yet");

        send(&mut app, Action::Back);
        assert!(app.is_modified());
        let said = &app.message().unwrap().text;
        assert!(said.starts_with("Not saved; the edits are still here. Kept"), "{said}");
        assert_eq!(fs::read_dir(paths(home).recovery_dir()).unwrap().count(), 1, "journaled");
        assert!(fs::read(&path).unwrap() == hand_edited().as_bytes());

        send(&mut app, Action::Save);
        assert!(matches!(app.mode(), Mode::ConfirmSave { .. }), "a no is asked again");
        send(&mut app, Action::Confirm);
        assert!(!app.is_modified(), "saved: {:?}", app.message());
        let written = fs::read_to_string(&path).unwrap();
        assert!(!written.contains('\r') && !written.contains("Edited by hand"));
        assert!(store::load(&path).unwrap() == *app.report());

        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Save);
        assert!(matches!(app.mode(), Mode::Normal), "asked once: {:?}", app.mode());
        assert!(!app.is_modified());
    });
}

#[test]
fn the_shipped_report_with_urls_in_its_strings_is_saved_without_asking() {
    assert!(store::SHIPPED.contains("https://"));
    in_home(|home| {
        let (_, mut app) = edited_app(home, store::SHIPPED);
        send(&mut app, Action::Save);
        assert!(matches!(app.mode(), Mode::Normal), "{:?}", app.mode());
        assert!(!app.is_modified());
    });
}

#[test]
fn the_question_names_the_file_and_what_a_save_drops_in_english_and_spanish() {
    let said = [
        (Lang::En, "report.ron has Windows line endings (CR LF) and 3 comments (2 //, 1 /* */)"),
        (Lang::Es, "report.ron tiene finales de línea de Windows (CR LF) y 3 comentarios (2 //,"),
    ];
    for (lang, words) in said {
        in_home(|home| {
            let (_, app) = edited_app(home, &hand_edited());
            let mut driver = Driver::of(app.with_lang(lang)).on_screen(200, 30);
            driver.ctrl('s');
            let screen = driver.settled_text();
            let joined = window_text(&screen, lang.texts().ask_save_title);
            assert!(joined.contains(words), "{lang:?}: {screen}");
        });
    }
}

/// The text inside the window titled `title`, its rows joined by spaces: the window is
/// narrower than the question, which wraps.
fn window_text(screen: &str, title: &str) -> String {
    let rows: Vec<Vec<char>> = screen.lines().map(|row| row.chars().collect()).collect();
    let top = rows.iter().position(|row| row.iter().collect::<String>().contains(title));
    let top = top.unwrap_or_else(|| panic!("no window {title:?}: {screen}"));
    let left = rows[top].iter().position(|&c| c == '┌').unwrap();
    let right = left + rows[top][left..].iter().position(|&c| c == '┐').unwrap();
    rows[top + 1..]
        .iter()
        .take_while(|row| row[left] != '└')
        .map(|row| row[left + 1..right].iter().collect::<String>().trim().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A file that starts with a byte order mark opens: the app says so on its own screen (not
/// on the terminal it covers), and a save writes the file without it.
#[test]
fn the_app_says_it_read_past_a_byte_order_mark_and_saves_without_it() {
    let home = Home::with_text(&format!("\u{feff}{}", store::SHIPPED));
    let mut pty = home.open(40, 120);
    let screen = pty.wait_for("byte order mark");
    assert!(screen.contains("starts with a byte order mark (BOM): it was read past"), "{screen}");
    pty.send(&crate::common::pty::keys::ctrl('s'));
    pty.wait_for("Saved ");
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert!(home.bytes() == store::SHIPPED.as_bytes(), "written without the mark");
}
