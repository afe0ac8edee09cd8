//! Where one block of text ends and the next begins, from the layout alone.
//!
//! The cues, each measured against the document ([`Measures`]): a gap wider than the
//! body's leading allows; a change of text size (of the Chinese characters, where the
//! Latin runs of a Chinese line are set larger) or of weight; a first line indented
//! against the block's continuation lines, or outdented; and a short previous line —
//! one that ended although the next line's first word would have fitted before the
//! frame's right edge. A page break joins the lines around it unless one of these cues
//! (other than the gap) says otherwise. A line that runs to the right edge in the middle
//! of a sentence continues on the next line, whatever the gap (a line made taller by a
//! superscript).

use crate::body::BodyLine;
use crate::measure::{same_size, Measures, JUSTIFIED_EDGE_EM};

/// A first line is indented (or outdented) when its left edge is this many ems away
/// from the block's continuation lines (first-line indents are 1.5–4 em in the layout
/// matrix; baseline jitter of glyph origins is below 0.1 em).
const INDENT_EM: f32 = 0.5;

/// A line is short when the room left before the right edge exceeds the next line's
/// first word and a space by this many ems (ragged text's measured edge lies up to half
/// an em inside the real one).
const FIT_SLACK_EM: f32 = 0.5;

/// The fit test's slack before a line of Chinese: a quarter em (CJK glyphs are an em
/// wide, and no space precedes them; layout matrix: ragged LibreOffice Chinese leaves
/// 1.5 em where the next character would have fitted).
const CJK_FIT_SLACK_EM: f32 = 0.25;

/// A line of a justified block of Latin text ending more than this many ems before the
/// right edge ends its paragraph (justification leaves at most a fraction of an em
/// where a line has spaces to stretch).
const JUSTIFIED_SHORT_EM: f32 = 1.0;

/// How much taller than the tallest common pitch a line may stand mid-sentence and
/// still be the same paragraph's (a superscript raises a line's top by up to a fifth
/// of an em in CSS layouts; layout matrix).
const TALLER_LINE_EM: f32 = 0.25;

/// The width of a word space, in ems, for the fit test.
const SPACE_EM: f32 = 0.25;

/// Two lines are both centred when each line's midpoint lies within this many ems of
/// the frame's midpoint and each leaves room on both sides.
const CENTRED_EM: f32 = 1.0;

/// Words that open a preambular paragraph of a resolution or declaration (UN Editorial
/// Manual, "Resolutions: preambular paragraphs", and its French, Spanish, Russian and
/// Arabic counterparts; the UDHR's 鉴于 / Whereas / Considérant / Considerando /
/// принимая во внимание / ولما كان): in a block that opened with one, a line opening
/// with one after a clause ended by a comma, a semicolon or a full stop (the Arabic
/// UDHR ends its clauses so) begins the next clause. (Alone, the Chinese words are
/// common verbs: 强调 "stressed" opens many a line of running text.) Russian clauses
/// open in lower case after the comma of the one before: both cases are listed.
const PREAMBULAR_WORDS: &[&str] = &[
    "Whereas",
    "Recalling",
    "Reaffirming",
    "Noting",
    "Recognizing",
    "Considering",
    "Bearing in mind",
    "Welcoming",
    "Expressing",
    "Emphasizing",
    "Stressing",
    "Acknowledging",
    "Convinced",
    "Concerned",
    "Deeply concerned",
    "Mindful",
    "Taking note",
    "鉴于",
    "回顾",
    "重申",
    "注意到",
    "确认",
    "认识到",
    "考虑到",
    "铭记",
    "欢迎",
    "强调",
    "深信",
    "关切",
    "Considérant",
    "Rappelant",
    "Réaffirmant",
    "Notant",
    "Reconnaissant",
    "Soulignant",
    "Accueillant",
    "Prenant note",
    "Ayant à l’esprit",
    "Convaincue",
    "Préoccupée",
    "Considerando",
    "Recordando",
    "Reafirmando",
    "Observando",
    "Reconociendo",
    "Teniendo presente",
    "Acogiendo",
    "Destacando",
    "Subrayando",
    "Tomando nota",
    "Convencida",
    "Preocupada",
    "принимая во внимание",
    "Принимая во внимание",
    "ссылаясь",
    "Ссылаясь",
    "подтверждая",
    "Подтверждая",
    "отмечая",
    "Отмечая",
    "признавая",
    "Признавая",
    "учитывая",
    "Учитывая",
    "приветствуя",
    "Приветствуя",
    "подчеркивая",
    "Подчеркивая",
    "ولما كان",
    "لما كان",
    "لمّا كان",
    "وإذ تشير",
    "إذ تشير",
    "وإذ تؤكد",
    "إذ تؤكد",
    "وإذ تلاحظ",
    "إذ تلاحظ",
    "وإذ تسلم",
    "إذ تسلم",
    "وإذ تضع في اعتبارها",
    "وإذ ترحب",
    "إذ ترحب",
];

/// What the block so far looks like.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BlockShape {
    /// Left edge of its continuation lines, once it has any.
    pub continuation_x0: Option<f32>,
    /// It opened with a preambular word.
    pub preambular: bool,
    /// Its lines before the last all ran to the right edge, and there are enough of
    /// them: it is justified, and a line ending short of the edge ends it.
    pub justified: bool,
}

/// The cue by which `line` begins a new block after `prev` (the last line of the block
/// `shape`), or `None` when it continues the block.
pub(crate) fn starts_block(
    prev: &BodyLine,
    line: &BodyLine,
    shape: BlockShape,
    m: &Measures,
) -> Option<&'static str> {
    if let Some(cue) = line.flow {
        return cue.new_block.then_some("paragraph");
    }
    let em = line.size.max(prev.size).max(1.0);
    if resized(prev, line) {
        return Some("size");
    }
    if prev.bold != line.bold {
        return Some("weight");
    }
    let both_centred = (centred(prev) && centred(line)) || co_centred(prev, line);
    let indented = !both_centred
        && shape
            .continuation_x0
            .is_some_and(|x| (line.x0 - x).abs() > INDENT_EM * em);
    // A block of one line so far, indented as the document indents first lines, and
    // a line at that same indent: two paragraphs (a full first line leaves no other
    // cue).
    let body_lines = same_size(line.size, m.body_size) && same_size(prev.size, m.body_size);
    let second_first_line = shape.continuation_x0.is_none()
        && body_lines
        && m.first_line_indent.is_some_and(|d| {
            let at = line.frame.left + d;
            (line.x0 - at).abs() <= INDENT_EM * em && (prev.x0 - at).abs() <= INDENT_EM * em
        });
    if indented || (second_first_line && !both_centred) {
        return Some("indent");
    }
    if short(prev, line, shape, m) {
        return Some("short line");
    }
    if shape.preambular && preambular(prev, line) {
        return Some("preambular word");
    }
    if prev.page != line.page {
        return None;
    }
    let gap = prev.baseline - line.baseline;
    if gap <= 0.0 {
        // The line lies above the previous one: another column or text box.
        return Some("column");
    }
    // Mid-sentence, a line no farther than the tallest common pitch (and a little) is
    // a taller line of the same paragraph, not the next block.
    let mid_sentence = !prev.ends_clause() && !prev.text.trim_end().ends_with(',');
    let taller_line = mid_sentence && gap <= (m.tallest_pitch + TALLER_LINE_EM) * em;
    (gap > m.block_gap * em && !taller_line).then_some("gap")
}

/// Whether the size of the text changes between two lines: their text sizes differ and
/// they share no span size (a Chinese line with 12 pt Latin runs beside 10.5 pt Han is
/// the same text as its all-Han neighbours).
pub(crate) fn resized(a: &BodyLine, b: &BodyLine) -> bool {
    !same_size(a.size, b.size)
        && !a
            .sizes
            .iter()
            .any(|s| b.sizes.iter().any(|t| same_size(*s, *t)))
}

/// Whether a line of running text (body size, not bold: titles and headings have
/// their own right edges) ended before the right edge with room for the next line's
/// first word.
fn short(prev: &BodyLine, next: &BodyLine, shape: BlockShape, m: &Measures) -> bool {
    if prev.bold || !same_size(prev.size, m.body_size) {
        return false;
    }
    let t = prev.text.trim_end();
    // A hyphenated word is continued on the next line however much room was left.
    if t.ends_with(['-', '\u{2010}', '\u{2011}', '/']) || !prev.frame.right.is_finite() {
        return false;
    }
    let em = prev.size.max(1.0);
    let room = prev.frame.right - prev.x1;
    // Chinese is set character by character with no space between: its lead is one
    // character (and the punctuation kept with it), exact to the glyph.
    let cjk = next
        .text
        .trim_start()
        .chars()
        .next()
        .is_some_and(unpara_model::is_cjk);
    let slack = if cjk {
        CJK_FIT_SLACK_EM
    } else {
        SPACE_EM + FIT_SLACK_EM
    };
    // Justified Latin text fills every line but a paragraph's last; Chinese lines may
    // end a character short inside a paragraph (punctuation kept off a line's start).
    let latin = !cjk && !t.chars().any(unpara_model::is_cjk);
    // Justified: lines starting where this one does are, across the document, and
    // this block's lines before it ran to the edge (a ragged list in a justified
    // report shares the report's left edge).
    let justified = m.justified_at(prev.x0) == Some(true) && shape.justified;
    if justified && latin && room > JUSTIFIED_SHORT_EM * em {
        return true;
    }
    room > next.first_word + slack * em
}

/// Whether a line ends at its frame's right edge, as justified lines do
/// ([`JUSTIFIED_EDGE_EM`]).
pub(crate) fn full(l: &BodyLine) -> bool {
    (l.frame.right - l.x1).abs() <= JUSTIFIED_EDGE_EM * l.size.max(1.0)
}

/// Whether two lines of different left edges share a midpoint (within
/// [`CENTRED_EM`]): lines of one centred block, whatever frame they are centred in (a
/// heading may reach into the margins).
fn co_centred(a: &BodyLine, b: &BodyLine) -> bool {
    let em = a.size.max(b.size).max(1.0);
    (a.x0 - b.x0).abs() > INDENT_EM * em
        && ((a.x0 + a.x1) / 2.0 - (b.x0 + b.x1) / 2.0).abs() <= CENTRED_EM * em
}

/// Whether a line is centred in its page's frame.
pub(crate) fn centred(l: &BodyLine) -> bool {
    if l.centered {
        return true;
    }
    let (left, right) = (l.frame.left, l.frame.right);
    if !right.is_finite() {
        return false;
    }
    let em = l.size.max(1.0);
    let mid = (l.x0 + l.x1) / 2.0;
    (mid - (left + right) / 2.0).abs() <= CENTRED_EM * em
        && l.x0 > left + CENTRED_EM * em
        && l.x1 < right - CENTRED_EM * em
}

/// A line opening with a preambular word after a clause ended by a comma or semicolon.
fn preambular(prev: &BodyLine, line: &BodyLine) -> bool {
    let t = prev.text.trim_end();
    // A clause may end with its conjunction after the semicolon (`…; and`, `…; и`).
    let t = [" and", " et", " y", " и", " و"]
        .iter()
        .find_map(|c| t.strip_suffix(c))
        .unwrap_or(t)
        .trim_end();
    let ends = t.chars().last().is_some_and(|c| ",;，；،؛.".contains(c));
    ends && opens_preambular(&line.text)
}

/// Whether a byte is the first of one of [`PREAMBULAR_WORDS`], by byte value.
static PREAMBULAR_FIRST_BYTES: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    let mut firsts = [false; 256];
    for w in PREAMBULAR_WORDS {
        if let Some(slot) = w
            .as_bytes()
            .first()
            .and_then(|&b| firsts.get_mut(usize::from(b)))
        {
            *slot = true;
        }
    }
    firsts
});

/// Whether a text opens with a preambular word.
pub(crate) fn opens_preambular(text: &str) -> bool {
    let t = text.trim_start();
    let Some(&first) = t.as_bytes().first() else {
        return false;
    };
    // Most texts open with a byte no word of the list opens with (a paragraph's
    // number); a word's first byte is compared before the word.
    if !PREAMBULAR_FIRST_BYTES
        .get(usize::from(first))
        .is_some_and(|&b| b)
    {
        return false;
    }
    PREAMBULAR_WORDS.iter().any(|w| {
        w.as_bytes().first() == Some(&first)
            && t.strip_prefix(w).is_some_and(|rest| {
                rest.starts_with([' ', ',', '，'])
                    || !w.chars().all(|c| {
                        c.is_ascii() || unpara_model::is_latin(c) || unpara_model::is_cyrillic(c)
                    })
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(text: &str, x0: f32, x1: f32, baseline: f32) -> BodyLine {
        crate::body::test_line(text, x0, x1, baseline)
    }

    fn m() -> Measures {
        Measures {
            body_size: 10.0,
            body_left: 72.0,
            leading: 1.2,
            block_gap: 1.4,
            tallest_pitch: 1.3,
            frames: vec![],
            page_edges: vec![],
            first_line_indent: None,
            justified_at: vec![],
        }
    }

    fn shape(x: f32) -> BlockShape {
        BlockShape {
            continuation_x0: Some(x),
            preambular: true,
            justified: false,
        }
    }

    /// Issue 10: UDHR preamble clauses with even leading and no indent.
    #[test]
    fn a_short_last_line_ends_a_clause() {
        let prev = l("of the world,", 72.0, 140.0, 500.0);
        let next = l("Whereas disregard and contempt", 72.0, 519.0, 488.0);
        assert!(starts_block(&prev, &next, shape(72.0), &m()).is_some());
        let full = l(
            "the inherent dignity and of the equal and",
            72.0,
            519.5,
            500.0,
        );
        let cont = l("inalienable rights of all members", 72.0, 400.0, 488.0);
        assert!(starts_block(&full, &cont, shape(72.0), &m()).is_none());
    }

    /// Issue 10: `Article 9` opening a page after article 8's short last line.
    #[test]
    fn a_page_break_after_a_short_line_starts_a_block() {
        let prev = l("or exile.", 72.0, 120.0, 80.0);
        let mut next = l("Article 9", 72.0, 120.0, 700.0);
        next.page = 2;
        assert!(starts_block(&prev, &next, shape(72.0), &m()).is_some());
        let full = l("the equal and inalienable rights of all", 72.0, 519.0, 80.0);
        let mut cont = l("members of the human family", 72.0, 300.0, 700.0);
        cont.page = 2;
        assert!(starts_block(&full, &cont, shape(72.0), &m()).is_none());
    }

    #[test]
    fn indents_gaps_and_sizes() {
        let prev = l(
            "a full line of running text in the body",
            72.0,
            519.0,
            500.0,
        );
        let indented = l("Whereas a new paragraph", 100.0, 519.0, 488.0);
        assert!(starts_block(&prev, &indented, shape(72.0), &m()).is_some());
        // 1.5 em: over the block gap (1.4 em), within the tallest pitch (1.3 em) and a
        // quarter em.
        let far = l("text after a paragraph gap", 72.0, 519.0, 485.0);
        let mut ended = prev.clone();
        ended.text.push('.');
        assert!(starts_block(&ended, &far, shape(72.0), &m()).is_some());
        // Mid-sentence, a taller line is no gap; a farther one is.
        assert!(starts_block(&prev, &far, shape(72.0), &m()).is_none());
        let farther = l("text after a heading", 72.0, 519.0, 480.0);
        assert!(starts_block(&prev, &farther, shape(72.0), &m()).is_some());
        let mut mixed = l("Chinese line with a 12 pt Latin run", 72.0, 519.0, 488.0);
        mixed.size = 10.5;
        mixed.sizes = vec![10.5, 12.0];
        let mut han = prev.clone();
        han.size = 10.5;
        han.sizes = vec![10.5];
        assert!(starts_block(&han, &mixed, shape(72.0), &m()).is_none());
    }
}
