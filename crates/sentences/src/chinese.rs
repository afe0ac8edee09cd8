//! Chinese sentence breaks: after `。！？` (and `!?` written half-width); after `；`
//! only where it ends an item of a clause list, that is where the next item's label
//! follows (`(b)`, `（二）`, `2.`, `二、`, also after `和`/`以及`/`或`); closing quotes
//! and brackets (`”」』）`) after the mark stay with the sentence they close (and a
//! quotation followed by `的`, `等`, `，`… is part of a longer sentence); never
//! inside `（…）`, `(…)` or `《…》`. The sentences concatenate back to the text exactly.

use std::ops::Range;

const ENDS: &[char] = &['。', '！', '？', '!', '?'];
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '》', '】'];
const OPENERS: &[char] = &['（', '(', '《'];
const SHUTTERS: &[char] = &['）', ')', '》'];
/// Characters that cannot start a sentence: after a quotation closed by a stop and a
/// quote mark they show the quotation was part of a longer sentence.
const CONTINUATIONS: &[char] = &[
    '的', '之', '等', '，', '、', '：', '；', ',', '和', '及', '或',
];

/// Whether `rest` starts with the label of a list item, after an optional conjunction:
/// `(b)`, `（b）`, `(iii)`, `（二）`, `b)`, `2.`, `二、`.
fn starts_with_item_label(rest: &str) -> bool {
    let rest = rest.trim_start();
    let rest = ["和", "以及", "及", "或"]
        .iter()
        .find_map(|c| rest.strip_prefix(c))
        .unwrap_or(rest)
        .trim_start();
    let is_label_char = |c: char| c.is_ascii_alphanumeric() || "一二三四五六七八九十".contains(c);
    let mut chars = rest.chars();
    match chars.next() {
        Some('(' | '（') => {
            let inner: String = chars
                .by_ref()
                .take_while(|&c| c != ')' && c != '）')
                .collect();
            (1..=4).contains(&inner.chars().count()) && inner.chars().all(is_label_char)
        }
        Some(c) if is_label_char(c) => {
            let label: String = std::iter::once(c)
                .chain(chars.take_while(|&c| is_label_char(c)))
                .collect();
            let after = rest.get(label.len()..).unwrap_or_default();
            label.chars().count() <= 3
                && (after.starts_with(')') || after.starts_with('、') || after.starts_with(". "))
        }
        _ => false,
    }
}

pub(crate) fn ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: i32 = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if OPENERS.contains(&c) {
            depth += 1;
        } else if SHUTTERS.contains(&c) {
            depth = (depth - 1).max(0);
        }
        if depth > 0 {
            continue;
        }
        let end_here = ENDS.contains(&c)
            || (c == '；'
                && starts_with_item_label(text.get(i + c.len_utf8()..).unwrap_or_default()));
        if !end_here {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = iter.peek() {
            if CLOSERS.contains(&n) || ENDS.contains(&n) {
                end = j + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        // A quoted sentence inside a longer one: 题为「后续行动。」的报告。
        let continues = text
            .get(end..)
            .and_then(|r| r.chars().next())
            .is_some_and(|n| CONTINUATIONS.contains(&n));
        if continues && end > i + c.len_utf8() {
            continue;
        }
        out.push(start..end);
        start = end;
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
    fn full_stop_exclamation_and_question_mark_end_a_sentence() {
        assert_eq!(
            split("会议开幕。通过议程！是否同意？同意"),
            ["会议开幕。", "通过议程！", "是否同意？", "同意"]
        );
        assert_eq!(split("是否同意?同意!好"), ["是否同意?", "同意!", "好"]);
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            split("他说：“会议开幕。”随后通过议程。"),
            ["他说：“会议开幕。”", "随后通过议程。"]
        );
        assert_eq!(
            split("题为「后续行动。」的报告。下一项"),
            ["题为「后续行动。」的报告。", "下一项"]
        );
        assert_eq!(split("他说：『开幕。』随后"), ["他说：『开幕。』", "随后"]);
        assert_eq!(
            split("附件一（清单。）已分发。"),
            ["附件一（清单。）已分发。"]
        );
    }

    #[test]
    fn never_inside_brackets_or_title_marks() {
        assert_eq!(
            split("背景文件（见附件。会后分发。）已分发。"),
            ["背景文件（见附件。会后分发。）已分发。"]
        );
        assert_eq!(split("《公约。》规定"), ["《公约。》规定"]);
        assert_eq!(split("见(第二章。)和"), ["见(第二章。)和"]);
    }

    #[test]
    fn semicolon_ends_only_a_list_item() {
        assert_eq!(
            split("工作组应当：(a)协助会议；(b)便利交流；和(c)收集做法。"),
            [
                "工作组应当：(a)协助会议；",
                "(b)便利交流；",
                "和(c)收集做法。"
            ]
        );
        assert_eq!(
            split("包括：（一）教育；（二）培训；二、其他"),
            ["包括：（一）教育；", "（二）培训；", "二、其他"]
        );
        // Not before ordinary text.
        assert_eq!(
            split("会议开幕；随后通过议程。"),
            ["会议开幕；随后通过议程。"]
        );
    }

    #[test]
    fn rebuilds_exactly() {
        let t = "许多发言者着重指出了腐败的消极影响。需要进一步的援助";
        assert_eq!(split(t).concat(), t);
    }
}
