//! Small shared components, one per file.

pub mod header;
pub mod nav;
pub mod notices;
pub mod update_banner;
