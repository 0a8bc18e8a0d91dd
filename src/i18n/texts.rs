//! [`Texts`]: every label, message and help text of the interface as a field, grouped by
//! where it is shown; a field's note names the placeholders it holds.

/// Defines `Texts` with one `&'static str` field per name, and `Texts::entries`, every
/// field with its name (for the tests that compare the languages).
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Every label, message and help text of the interface, in one language.
        #[derive(Debug)]
        pub struct Texts {
            $($(#[$doc])* pub $name: &'static str,)*
        }

        impl Texts {
            /// Every text with the name of its field.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

texts! {
    // The screen as a whole.
    /// The notice on a screen too small to draw on: `{width}`, `{height}`, `{min_width}`,
    /// `{min_height}`.
    too_small,
    /// The programme: header figure, overview block and line.
    programme,
    /// The header's mark while there are unsaved changes.
    modified,
    /// The label before the search being typed, in the footer.
    search_prompt,
    /// The footer while a search is active: `{at}` (the match, or –), `{total}`, `{place}`
    /// (" · " and the match's place, or nothing).
    match_status,

    // Statuses and document types.
    /// One activity's status.
    status_not_started, status_in_progress, status_completed,
    /// A status said of several activities (overview counts, filters).
    statuses_not_started, statuses_in_progress, statuses_completed,
    /// Document types, in lower case.
    regional_standard, thematic,

    // Column and field names used in several places.
    /// The number column of tables.
    number, topic, description, progress, remarks,

    // The groups pane.
    /// Its title: `{count}`.
    groups_title,

    // The group pane.
    /// The pane when the report has no group.
    no_groups,
    /// The last line when the objectives do not fit.
    more_objectives,
    /// The group's change since the baseline: `{delta}`.
    group_since_baseline,
    /// The group's figures: `{total}`, `{completed}`, `{in_progress}`, `{not_started}`.
    activities_tally,
    /// Activities of the baseline that are gone: `{count}`.
    removed_since_baseline,
    /// The active filter: `{filter}`, `{shown}`, `{total}`.
    filter_note,
    /// The label before the coordinators, and their heading in the details form; after a
    /// coordinator the source names in an activity's remarks: `{number}`.
    coordinators, stated_in_remarks,
    /// In place of the coordinators where the source names none.
    not_stated,
    /// The label of the folded objectives.
    objectives,
    /// After it: `{count}` (specific objectives).
    objectives_folded_note,
    /// The general objective's label, here and in the details form.
    general_objective,
    /// After it: how to fold the objectives.
    objectives_fold_note,
    /// The specific objectives' heading, here and in the details form.
    specific_objectives,
    /// The change column of an activity added since the baseline (at most 5 columns).
    change_new,
    /// The table when the filter hides every activity: `{filter}`.
    no_filtered_activities,
    /// The table of a group with no activity.
    no_activities,

    // The activity view.
    /// Below the view: `{number}`, `{count}`.
    activity_of,
    /// An activity added since the baseline.
    new_since_baseline,
    /// An activity's change since the baseline: `{from}`, `{to}`, `{delta}`.
    activity_since_baseline,
    /// Appended when the remarks changed since the baseline.
    remarks_changed,
    /// Appended when the description was reworded since the baseline.
    description_changed,
    /// An activity whose progress did not move since the baseline: `{to}`.
    progress_unchanged,
    /// The heading of the description as the baseline had it.
    description_at_baseline,
    /// Under a list with more rows than the screen shows: `{count}`.
    more_below,
    /// In place of empty remarks.
    no_remarks,
    /// The heading of the remarks as the baseline had them.
    remarks_at_baseline,
    /// The remarks at the baseline when there were none.
    no_remarks_at_baseline,

    // The details form.
    /// Its title for the report: `{symbol}`.
    details_report_title,
    /// Its title for a group: `{numeral}`, `{topic}`.
    details_group_title,
    /// The value of an empty field.
    empty_value,
    /// Row labels.
    row_front_matter, row_symbol, row_date, row_title, row_meeting, row_venue, row_introduction,
    /// `{number}`.
    row_section, row_add_paragraph, row_add_section, row_document_type, row_add_objective,
    /// `{number}` (the coordinator).
    row_country, row_institution, row_add_coordinator,
    /// Format 2's rows: the file's format, the front matter's choices and job number, a
    /// note (`{number}`) and the row to add one, where the source named a coordinator, and
    /// whether it says the group has none (its two values).
    row_format, row_distribution, row_language, row_original_language, row_job_number, row_note,
    row_add_note, row_stated_in, row_no_coordinators, no_coordinators_yes, no_coordinators_no,
    /// The format row of a format-1 file, with the key that moves it on (`{key:open}`).
    format_1_value,
    /// The values of the distribution (the languages' are below); a choice not stated.
    distribution_general, distribution_limited, distribution_restricted, front_not_stated,

    // The overview.
    /// The programme's change: `{delta}`.
    programme_since_baseline,
    /// Before the counts by status: `{count}`.
    activities_count,
    /// A document type's figures: `{groups}`, `{activities}`, `{percent}`.
    type_summary,
    /// The groups' orders.
    order_by_number, order_by_progress,
    /// The groups block title: `{order}`.
    overview_groups_title,
    /// Column heads of the groups block (about 6 columns each).
    column_completed, column_in_progress, column_not_started, column_baseline,
    /// The behind block title: `{count}`, `{threshold}`.
    behind_title,
    /// The overview's list of what changed since the baseline, and Tab to it.
    changes_title, no_changes, change_removed, change_nowhere,
    /// The behind block when nothing is behind.
    nothing_behind,

    // Windows over the panes.
    /// The progress prompt's title: `{place}` (VIII.7).
    progress_title, progress_new,
    /// `{now}`: the progress now.
    progress_hint,
    /// How Enter works in the editor, in its title.
    editor_enter_new_line, editor_enter_done,
    /// The editor's title on a field: `{field}` (a field name, below); capitalized.
    editor_field, editor_date, date_format, duplicate_coordinator,
    /// The editor's title on a new item: `{item}` (an item name, below); capitalized.
    editor_new,
    /// Asking to move a format-1 file on to format 2: the title; `{name}` (the file's) and
    /// `{what}` (one of the `holds_…` below); an older wgtrack; `{name}`, the backup; the
    /// answer no (`{name}`); Enter on the format of a file already moved on (`{name}`,
    /// `{format}`).
    format_title, format_question, format_older, format_backup, format_declined,
    format_current,
    /// What format 2 lets a file hold, as `{what}` above.
    holds_distribution, holds_language, holds_original_language, holds_job_number, holds_notes,
    holds_no_coordinators, holds_reviews, holds_all,
    /// The delete question: `{item}`.
    delete_question, delete_note, delete_title, quit_unsaved, quit_title, conflict_missing,
    conflict_changed, conflict_nothing_saved, conflict_title, save_as_title, save_as_hint,
    threshold_title,
    /// `{threshold}`: the threshold now.
    threshold_hint, go_to_title, go_to_hint, baseline_title, baseline_hint, recover_found,
    /// `{input}`, `{last}` (the last group's numeral); `{place}`, `{count}` (activities).
    go_to_no_group, go_to_no_activity,
    /// Who left the edits: `{pid}`, `{host}`, `{time}`.
    recover_made_by,
    /// `{count}`: lines not shown.
    recover_more,
    /// A moment on the user's clock: `{day}`, `{month}` (from `months`), `{year}`, `{time}`.
    local_time,
    /// The months' names, January first, separated by spaces.
    months, recover_title, help_title,
    /// The help's line on the mouse: its key column and its text.
    help_mouse, help_mouse_text, help_editor_own_keys, editor_key_character, editor_key_select,
    editor_key_word, editor_key_line, editor_key_paragraph, editor_key_text_ends, editor_key_page,
    editor_key_new_line, editor_key_delete_character, editor_key_delete_word,

    // What unsaved edits found at start change (the recovery window).
    recover_front_matter, recover_remarks, recover_description, recover_new_activity,
    /// `{from}`, `{to}`.
    recover_progress,
    /// `{description}`.
    recover_removed,
    /// The file changed since the edits were made (they are merged with it).
    recover_file_changed,
    /// Both changed a field: `{field}`, and the values `{ours}`, `{theirs}`, `{base}`.
    recover_conflict,
    /// The same where values are too long to show: `{field}`.
    recover_conflict_long,
    /// `{count}` fields both changed.
    restored_conflicts, field_progress, field_introduction, field_objectives, field_coordinators,
    field_document_type,

    // Names of fields, for the editor and messages. `{numeral}` is a group's (VIII),
    // `{place}` an activity's (VIII.7), `{number}` and `{section}` count from 1.
    field_symbol, field_date, field_report_title, field_meeting, field_venue,
    /// `{section}`.
    field_heading,
    /// `{number}`, `{section}`.
    field_paragraph, field_job_number,
    /// `{number}` (among the section's notes), `{section}`.
    field_note,
    /// `{numeral}`.
    field_group_title,
    /// `{numeral}`.
    field_group_topic,
    /// `{numeral}`.
    field_general_objective,
    /// `{number}`, `{numeral}`.
    field_specific_objective,
    /// `{number}` (the coordinator), `{numeral}`.
    field_country,
    /// `{number}` (the coordinator), `{numeral}`.
    field_institution,
    /// `{place}`.
    field_description,
    /// `{place}`.
    field_activity_topic,
    /// `{place}`.
    field_remarks,

    // Names of list items: `{number}` counts from 1.
    /// `{number}`.
    item_section,
    /// `{number}`, `{section}`.
    item_paragraph,
    /// `{number}` (among the paragraph's notes), `{paragraph}`, `{section}`.
    item_note,
    /// `{numeral}`.
    item_group,
    /// `{number}`, `{numeral}`.
    item_objective,
    /// `{number}`, `{numeral}`.
    item_coordinator,
    /// `{place}`.
    item_activity,

    // Changes, as the footer tells them and undo names them.
    /// `{place}`, `{from}`, `{to}`.
    change_progress,
    /// `{field}`.
    change_text,
    /// `{numeral}`, `{type}`.
    change_document_type,
    /// A choice of the front matter: `{field}` (its row's label, in lower case), `{value}`.
    change_front,
    /// A group the source states has no coordinator, or not: `{numeral}`.
    change_no_coordinators, change_coordinators_listed,
    /// `{format}`.
    change_format,
    /// `{item}`.
    change_insert,
    /// `{item}`.
    change_remove,
    /// `{item}`, `{position}`.
    change_move, change_whole,

    // Messages in the footer.
    nothing_to_undo, nothing_to_redo,
    /// `{change}`.
    undid,
    /// `{change}`.
    redid, progress_whole_number,
    /// A progress or threshold out of range: `{value}`.
    refused_out_of_range, type_whole_number, nothing_added,
    /// A required field left empty: `{field}`.
    required_field,
    /// A new item left empty: `{item}`.
    required_new,
    /// A required field emptied and left with Esc, kept as it was: `{field}`.
    kept_required, nothing_deleted, already_at_end, choose_add, only_list_items_delete,
    /// `{filter}`: a status (plural) or `filter_below`.
    showing_filtered, showing_all,
    /// The below-threshold filter: `{threshold}`.
    filter_below, no_search_yet,
    /// `{query}`.
    no_match,
    /// `{number}`, `{total}`, `{query}`, `{place}`, `{wrapped}` (`search_wrapped` or nothing).
    match_found,
    /// A match's place (list, footer): `{section}`; `{number}` (an introduction paragraph,
    /// objective, coordinator); `{numeral}`; `{place}` (VIII.7). The list's title: `{total}`, `{query}`.
    place_heading, place_paragraph, place_note, place_group_title, place_group_topic, place_general_objective,
    place_objective, place_coordinator, place_activity_topic, place_description, place_remarks,
    matches_title, search_wrapped, details_need_group, need_one_group, choose_activity,
    no_activities_in_group,
    /// An edit key while the filter hides the selected activity.
    no_activity_shown,
    /// `{threshold}`.
    behind_set,
    /// `{path}`, `{changed}`, `{delta}`.
    comparing, baseline_off,
    /// `{cause}`: why the file could not be read (the parser's own words stay English).
    baseline_refused,
    /// The history screen: title (`{subject}`: `history_of_activity`/`_group` with `{place}`, or
    /// `_programme`); reading (`{count}`; `{done}`, `{total}`); columns; the uncommitted row; no
    /// rows; left out (`{count}`); a version opened (`{place}`, `{version}`); why not (`{cause}`);
    /// above the revisions offered as a baseline (chosen with the keys the footer shows).
    history_title, history_of_activity, history_of_group, history_of_programme, history_waiting,
    history_walking, history_reading, history_date, history_author, history_summary,
    history_progress, history_uncommitted, history_none, history_unreadable, history_version,
    history_compared, history_first, history_no_remarks, history_refused, baseline_choices,
    /// Who holds the report: `{pid}`, `{host}`, `{since}`; in the header, the same.
    holder, read_only_mark,
    /// `{holder}`.
    read_only,
    /// `{cause}`.
    not_locked, restored, discarded,
    /// `{path}`.
    kept_recovery,
    /// `{path}` (saved, and being saved).
    saved, saving, saving_already,
    /// `{cause}`.
    not_saved,
    /// `{cause}`, `{kept}` (". " and `kept_recovery`, or nothing), then the save-as key.
    not_saved_offer, not_saved_edits_here,
    /// Asking before a save replaces a read-only file (`{name}`, `{mode}` as 0444) or drops
    /// what a hand-edited one holds (`{name}`, `{what}`).
    ask_save_title, ask_read_only, ask_layout,
    /// What a hand-edited file holds: `{kinds}` of comment, `(2 //, 1 /* */)`; `{count}`;
    /// `{first}` and `{second}` of these.
    layout_crlf, layout_comment, layout_comments, layout_and,
    /// The file started with a byte order mark: `{path}`.
    bom_read_past,
    /// `{path}`, `{mode}`; `{path}`, `{what}`.
    error_read_only, error_layout,
    /// `{path}`, `{note}` (`reloaded_note` or nothing).
    reloaded,
    /// `{path}`.
    reloaded_note,
    /// `{cause}`.
    cannot_reload,
    /// `{path}`.
    file_exists,
    /// `{cause}`.
    cannot_keep_recovery,
    /// The cause when there is nowhere to keep a recovery copy.
    no_state_directory,
    /// Said on the terminal after the app closed: `{path}`.
    exit_note,
    /// Said instead when the edits could not be kept: `{cause}`; a recovery file that does
    /// not read, set aside at start: `{path}`, `{cause}`, `{more}` (empty, or how many more).
    exit_not_kept, recovery_set_aside, recovery_set_aside_more,
    /// After the first problem of the configuration (which stays English): `{count}`.
    config_more_problems,
    /// After it, when the configuration is set aside.
    config_not_applied,

    // Why the file could not be read, saved or locked (the store's errors). The causes the
    // system or the parser give stay as they give them.
    /// `{cause}`.
    error_serialize, error_round_trip,
    /// `{path}`.
    error_changed,
    /// `{path}`.
    error_missing,
    /// `{path}`, `{cause}`.
    error_unflushed, step_check_unchanged, step_read_link, step_follow_link, step_create_temp,
    step_write, step_permissions, step_flush, step_backup, step_replace, step_recovery_dir,
    step_state_dir,
    /// `{path}`, `{cause}`, both.
    error_lock_file, error_read,
    /// `{path}`.
    error_directory, error_not_regular,
    /// `{place}` (file:line:column), both.
    error_not_utf8, error_empty,
    /// `{path}`, `{found}`, `{format}`; `{path}`, `{format}`, `{field}`.
    error_newer_format, error_needs_format_2,
    /// `{path}`; `{path}`, `{cause}`; `{rev}`, `{cause}`; `{rev}`, `{path}`.
    error_not_in_repository, error_git, error_revision, error_not_in_revision,
    /// What is wrong at a place in the file, after the place and the field's path.
    fault_empty,
    /// `{found}`, `{format}`.
    fault_unknown_format, fault_no_groups, fault_previous_round,
    /// `{paragraph}`; `{number}`.
    fault_no_such_paragraph, fault_no_such_activity,
    /// The header's mark while `new-round`'s symbol or title is not set: `{fields}`.
    previous_round_mark,
    /// `{path}`: the lock file is a symbolic link.
    error_lock_link,

    // The checks before publishing.
    /// The list's title: `{count}`, `{errors}`, `{warnings}`; the header's mark: `{count}`.
    checks_title, checks_mark,
    /// Asked for the list before the first check is back; with nothing found.
    checks_running, checks_none,
    /// The reason prompt: `{place}`, `{rule}`; its hint; the change: `{finding}`; the
    /// footer's word for the key.
    review_reason_title, review_reason_hint, change_reviewed, hint_reviewed,
    /// A finding gone to: `{number}`, `{total}`, `{place}`, `{rule}`, `{message}`.
    finding_shown,
    /// Each rule's name.
    rule_progress_fell, rule_stale_remarks, rule_no_news, rule_done_but_under_way,
    rule_completed_below_full, rule_empty_remarks, rule_no_coordinators, rule_previous_round,
    rule_duplicate_activity, rule_duplicate_coordinator, rule_doubled_spaces, rule_unbalanced,
    rule_bad_url, rule_other_language, rule_stale_review,
    /// What each rule found, as `check::Found` holds it: `{from}` `{to}`; `{progress}`;
    /// `{phrase}` (as the remarks write it); `{status}`; `{symbol}`; `{date}` `{previous}`;
    /// `{activity}` (VIII.2); `{number}`; `{open}` `{close}`; `{address}`; `{text}` `{report}`
    /// (language names); `{rule}` `{place}` (as the review stores them).
    found_progress_fell, found_stale_remarks, found_no_news, found_done_but_under_way,
    found_completed_below_full, found_empty_remarks, found_no_coordinators,
    found_no_coordinators_stated, found_symbol_to_assign, found_symbol_previous,
    found_date_not_after, found_title_to_set, found_title_previous, found_duplicate_activity,
    found_duplicate_coordinator, found_doubled_spaces, found_stray_star, found_unpaired,
    found_unpaired_quote, found_bad_url, found_other_language, found_stale_review,
    /// Languages, as a sentence names them and the front matter's choices show them.
    language_english, language_spanish, language_french, language_portuguese,

    // Returned update sheets: the prompt, the review screen; `{source}`: file (country).
    /// `{change}`, `{source}`; `{path}`; `{cause}`; `{file}`, `{numeral}`.
    change_from, import_title, import_hint, import_reading, import_refused, import_nothing,
    /// `{source}` `{accepted}` `{total}`; `{count}`; applied: `{changes}` `{activities}`.
    review_title, review_refused_count, review_edited, review_new_activity, review_empty,
    review_now, review_proposed, review_refused, review_notes, review_leave, review_left,
    review_applied, review_none_accepted,

    // Conflicts from a merge: `{count}`, `{place}`, `{kept}`, `{line}`, `{path}`; `{key:…}`.
    change_resolve, conflict_ours, conflict_theirs, conflict_edited, conflict_was, conflict_items,
    conflict_no_topic, conflict_removed, conflicts_title, conflicts_none, conflicts_already,
    conflicts_later_first, conflicts_not_editable, conflicts_first, conflicts_save_refused,
    resolved_add, conflicts_line, conflicts_mark, place_progress, place_activity, place_groups,
    place_document_type, place_objectives, place_coordinators, place_activities, place_group,
    place_introduction, context_conflicts, action_conflicts, action_take_ours, action_take_theirs,
    action_edit_conflict, action_conflict_place, hint_ours, hint_theirs,

    // Committing from the app: `{path}`, `{name}`, `{id}`, `{summary}`, `{cause}`; `{key:…}`.
    commit_title, commit_hint, commit_list, commit_save_first, commit_not_in_git, commit_preparing,
    commit_running, committed, commit_failed, commit_cancelled, commit_busy, resolved_commit,
    context_commit, action_commit,

    // The keys: context headings (help, README), what each action does, footer hints.
    context_global, context_overview, context_groups, context_activities, context_activity,
    context_edit_progress, context_edit_text, context_confirm_delete, context_details,
    context_search, context_confirm_quit, context_conflict, context_save_as, context_threshold,
    context_go_to, context_baseline, context_recover, context_help, context_confirm_save,
    context_matches, context_history, context_confirm_format, action_move_to_format_2,
    hint_move_format, hint_keep_format, action_history, action_open_version, context_checks, action_checks, context_review_reason, action_mark_reviewed, context_import, context_review, context_leave_review, action_import_sheet,
    action_toggle_proposal, action_edit_proposal, action_accept_all, action_apply_accepted,
    action_leave_review, hint_accept, hint_accept_all, action_up, action_down, action_page_up,
    action_page_down, action_home, action_end, action_next_activity, action_prev_activity,
    action_next_pane, action_prev_pane, action_open, action_back, action_edit_progress,
    action_progress_up, action_progress_down, action_edit_remarks, action_edit_description,
    action_edit_topic, action_add_item, action_delete_item, action_move_up, action_move_down,
    action_details, action_report_details, action_toggle_objectives, action_info_up,
    action_info_down, action_overview, action_cycle_filter, action_clear_filter,
    action_pick_baseline, action_set_threshold, action_go_to, action_sort_groups, action_save,
    action_undo, action_redo, action_search, action_next_match, action_prev_match,
    action_match_list, action_help, action_quit, action_confirm, action_save_and_quit,
    action_discard_and_quit, action_select_all, action_reload, action_overwrite, action_save_as,
    action_restore, action_keep_recovery, action_discard_recovery, action_type, action_erase,
    action_erase_word, action_clear_line, action_older, action_newer, action_delete_to_line_end,
    action_cancel_edit, action_done_editing, action_edit_outside, outside_editor_failed,
    edit_cancelled, action_editor, action_paste, action_select, action_scroll, action_resize,
    hint_move, hint_activities, hint_details, hint_overview, hint_search, hint_save, hint_help,
    hint_quit, hint_open, hint_progress, hint_step, hint_remarks, hint_filter, hint_undo,
    hint_scroll, hint_back, hint_switch_list, hint_go_to, hint_sort, hint_threshold, hint_apply,
    hint_cancel, hint_reload, hint_overwrite, hint_save_as, hint_restore, hint_keep_for_later,
    hint_discard, hint_done, hint_select_all, hint_edit, hint_add, hint_delete, hint_reorder,
    hint_keep, hint_save_and_quit, hint_discard_and_quit, hint_stay, hint_close, hint_save_anyway,
    hint_outside,
}
