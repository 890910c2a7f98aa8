//! One component per file.

pub mod blast_radius;
pub mod byok_section;
pub mod check_field;
pub mod choice_group;
pub mod compare_table;
pub mod copy_button;
pub mod diff_view;
pub mod field_messages;
pub mod finding_item;
pub mod findings_list;
pub mod get_command;
pub mod irreversible_facts;
pub mod json_view;
pub mod key_section;
pub mod logstore_section;
pub mod notice_bar;
pub mod output_block;
pub mod outputs_section;
pub mod review_section;
pub mod select_field;
pub mod severity_icon;
pub mod share_link;
pub mod summary_bar;
pub mod target_section;
pub mod text_field;
pub mod top_bar;
