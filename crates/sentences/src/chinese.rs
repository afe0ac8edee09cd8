//! Chinese sentence breaks: after `。！？` (and `!?` used full-width), with closing
//! quotes and brackets that follow staying with the sentence; never inside `（…）`,
//! `(…)` or `《…》`.

use std::ops::Range;

const ENDS: &[char] = &['。', '！', '？', '!', '?'];
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '】'];

pub(crate) fn ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: i32 = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '（' | '(' | '《' => depth += 1,
            '）' | ')' | '》' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth == 0 && ENDS.contains(&c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = iter.peek() {
                if CLOSERS.contains(&n) || ENDS.contains(&n) {
                    end = j + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            out.push(start..end);
            start = end;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        ranges(t).into_iter().filter_map(|r| t.get(r)).collect()
    }

    #[test]
    fn full_stop_and_closing_quote() {
        assert_eq!(
            split("他说：“会议开幕。”随后通过议程。"),
            ["他说：“会议开幕。”", "随后通过议程。"]
        );
    }

    #[test]
    fn never_inside_brackets() {
        assert_eq!(
            split("背景文件（见附件。）已分发。"),
            ["背景文件（见附件。）已分发。"]
        );
        assert_eq!(split("《公约。》规定"), ["《公约。》规定"]);
    }

    #[test]
    fn rebuilds_exactly() {
        let t = "许多发言者着重指出了腐败的消极影响。需要进一步的援助";
        assert_eq!(split(t).concat(), t);
    }
}
