//! Progress of a batch: a bar on a terminal (files done, pages per second, errors so
//! far), plain log lines otherwise.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use super::report::{FileReport, GroupReport};

pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    total: u64,
    done: AtomicU64,
    pages: AtomicU64,
    errors: AtomicU64,
    started: Instant,
}

impl Progress {
    pub(crate) fn new(total: u64) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(total);
            if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} files {msg}") {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            total,
            done: AtomicU64::new(0),
            pages: AtomicU64::new(0),
            errors: AtomicU64::new(0),
            started: Instant::now(),
        }
    }

    pub(crate) fn file_done(&self, f: &FileReport) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let pages =
            self.pages.fetch_add(u64::from(f.pages), Ordering::Relaxed) + u64::from(f.pages);
        let errors = self.errors.load(Ordering::Relaxed) + u64::from(f.status == "error");
        if f.status == "error" {
            self.errors.fetch_add(1, Ordering::Relaxed);
        }
        let rate = pages as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
        match &self.bar {
            Some(bar) => {
                bar.set_position(done);
                bar.set_message(format!("{rate:.0} pages/s, {errors} errors"));
            }
            None => {
                let msg = f
                    .message
                    .as_deref()
                    .filter(|_| f.status == "error")
                    .unwrap_or("");
                eprintln!(
                    "unpara: batch: [{done}/{}] {} {} ({} pages, {} ms) {msg}",
                    self.total, f.path, f.status, f.pages, f.read_ms
                );
            }
        }
    }

    pub(crate) fn group_done(&self, g: &GroupReport) {
        if self.bar.is_none() {
            eprintln!(
                "unpara: batch: group {} {} ({} ms)",
                g.group, g.status, g.ms
            );
        }
    }

    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
