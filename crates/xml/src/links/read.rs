//! Reading XCES link files: `<linkGrp fromDoc toDoc>` groups of
//! `<link xtargets="ids of a;ids of b" certainty="…"/>`. The ids of one side are
//! separated by spaces (`1:1 1:2`, OPUS `s1 s2`); an empty side is a one-sided link.

use super::LinkError;
use crate::unpc::OpenElements;
use crate::xml::{walk, Ev};

/// One `<link>`: the sentence ids of each side as written, and its score.
#[derive(Debug, Clone, PartialEq)]
pub struct XcesLink {
    /// Its number: the `<link>` elements of the file counted from 1.
    pub number: usize,
    /// Sentence ids of the first document (`fromDoc`).
    pub a: Vec<String>,
    /// Sentence ids of the second document (`toDoc`).
    pub b: Vec<String>,
    /// The `certainty` (OPUS) or `score` attribute, clamped into [0, 1]; `None` when
    /// absent.
    pub score: Option<f32>,
}

/// One `<linkGrp>` (links outside any group form one group without documents).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinkGroup {
    /// The `fromDoc` attribute.
    pub from_doc: Option<String>,
    /// The `toDoc` attribute.
    pub to_doc: Option<String>,
    /// Its links in file order.
    pub links: Vec<XcesLink>,
}

/// Reads an XCES link file.
///
/// # Errors
/// [`LinkError::Xml`] for malformed XML, [`LinkError::Xtargets`] for a `<link>` without
/// a `xtargets` of two sides, [`LinkError::Score`] for a score that is not a number,
/// [`LinkError::NoLinks`] when there is no `<link>`.
pub fn read_links(bytes: &[u8]) -> Result<Vec<LinkGroup>, LinkError> {
    let mut groups: Vec<LinkGroup> = Vec::new();
    let mut in_group = false;
    let mut number = 0usize;
    let mut error = None;
    let mut open = OpenElements::default();
    walk(bytes, &mut Vec::new(), |ev| {
        match &ev {
            Ev::Start { name, .. } => open.start(name.clone()),
            Ev::End { .. } => open.end(),
            Ev::Text(_) => {}
        }
        match ev {
            Ev::Start { name, attrs } if name == "linkGrp" => {
                let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                groups.push(LinkGroup {
                    from_doc: get("fromDoc"),
                    to_doc: get("toDoc"),
                    links: Vec::new(),
                });
                in_group = true;
            }
            Ev::End { name } if name == "linkGrp" => in_group = false,
            Ev::Start { name, attrs } if name == "link" => {
                number += 1;
                if !in_group || groups.is_empty() {
                    groups.push(LinkGroup::default());
                    in_group = true;
                }
                match link(number, &attrs) {
                    Ok(l) => {
                        if let Some(g) = groups.last_mut() {
                            g.links.push(l);
                        }
                    }
                    Err(e) => {
                        error = Some(e);
                        // Stop reading: the walker only carries XML errors.
                        return Err(crate::XmlError::Empty);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    })
    .map_err(|e| error.take().unwrap_or(LinkError::Xml(e)))?;
    open.check()?;
    if number == 0 {
        return Err(LinkError::NoLinks);
    }
    Ok(groups)
}

fn link(number: usize, attrs: &[(String, String)]) -> Result<XcesLink, LinkError> {
    let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let xtargets = get("xtargets").unwrap_or_default();
    let bad = || LinkError::Xtargets {
        link: number,
        xtargets: xtargets.to_string(),
    };
    let (a, b) = xtargets.split_once(';').ok_or_else(bad)?;
    if b.contains(';') {
        return Err(bad());
    }
    let ids = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let score = match get("certainty").or_else(|| get("score")) {
        None => None,
        Some(v) => match v.trim().parse::<f32>() {
            Ok(x) if x.is_finite() => Some(x.clamp(0.0, 1.0)),
            _ => {
                return Err(LinkError::Score {
                    link: number,
                    value: v.to_string(),
                })
            }
        },
    };
    Ok(XcesLink {
        number,
        a: ids(a),
        b: ids(b),
        score,
    })
}

/// How many trailing path components (either separator) `p` and `q` share:
/// `xml/en/2014/1.xml` and `/data/xml/en/2014/1.xml` share 4, the same file name in
/// another language's folder (`zh/2014/1.xml`) shares 2.
fn common_tail(p: &str, q: &str) -> usize {
    fn parts(s: &str) -> impl Iterator<Item = &str> {
        s.rsplit(['/', '\\']).filter(|c| !c.is_empty())
    }
    parts(p).zip(parts(q)).take_while(|(x, y)| x == y).count()
}

/// The group that links document `a` to document `b` (paths, compared with `fromDoc`
/// and `toDoc` by how many trailing path components they share): the only group, or of
/// several the one whose `fromDoc` and `toDoc` best fit `a` and `b`.
///
/// # Errors
/// [`LinkError::Reversed`] when that group fits better from `b` to `a` (the files were
/// given the other way round); [`LinkError::NoGroup`] when, of several groups, none or
/// more than one fits best.
pub fn select_group(groups: Vec<LinkGroup>, a: &str, b: &str) -> Result<LinkGroup, LinkError> {
    let fit = |g: &LinkGroup, x: &str, y: &str| {
        let from = g.from_doc.as_deref().unwrap_or_default();
        let to = g.to_doc.as_deref().unwrap_or_default();
        (common_tail(from, x), common_tail(to, y))
    };
    // The one group fits better the other way round: the files were given reversed.
    let direction = |g: LinkGroup| {
        let (fa, tb) = fit(&g, a, b);
        let (fb, ta) = fit(&g, b, a);
        if fb + ta > fa + tb {
            Err(LinkError::Reversed {
                from: g.from_doc.unwrap_or_default(),
                to: g.to_doc.unwrap_or_default(),
            })
        } else {
            Ok(g)
        }
    };
    let count = groups.len();
    let mut groups = groups;
    if count == 1 {
        return direction(groups.pop().unwrap_or_default());
    }
    let score = |g: &LinkGroup| {
        let (f, t) = fit(g, a, b);
        if f > 0 && t > 0 {
            f + t
        } else {
            0
        }
    };
    let best = groups.iter().map(score).max().unwrap_or(0);
    let mut matching = groups.into_iter().filter(|g| best > 0 && score(g) == best);
    match (matching.next(), matching.next()) {
        (Some(g), None) => direction(g),
        _ => Err(LinkError::NoGroup {
            groups: count,
            a: a.to_string(),
            b: b.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpc_and_opus_links() {
        let xml = r#"<?xml version="1.0"?>
<cesAlign version="1.0"><linkGrp targType="s" fromDoc="xml/zh/a.xml" toDoc="xml/en/a.xml">
<link type="1-2" xtargets="1:1;1:1 1:2"/>
<link xtargets="s2;" certainty="1.7"/>
<link xtargets=" ; s3" certainty="-0.2"/>
</linkGrp></cesAlign>"#;
        let groups = read_links(xml.as_bytes()).expect("reads");
        assert_eq!(groups.len(), 1);
        let g = &groups[0];
        assert_eq!(g.from_doc.as_deref(), Some("xml/zh/a.xml"));
        let got: Vec<_> = g
            .links
            .iter()
            .map(|l| (l.number, l.a.clone(), l.b.clone(), l.score))
            .collect();
        assert_eq!(
            got,
            [
                (
                    1,
                    vec!["1:1".to_string()],
                    vec!["1:1".to_string(), "1:2".to_string()],
                    None
                ),
                (2, vec!["s2".to_string()], vec![], Some(1.0)),
                (3, vec![], vec!["s3".to_string()], Some(0.0)),
            ]
        );
    }

    #[test]
    fn bad_links_name_their_number() {
        let e =
            read_links(br#"<linkGrp><link xtargets="1:1;1:1"/><link xtargets="1:2"/></linkGrp>"#)
                .expect_err("no ;");
        assert_eq!(
            e.to_string(),
            "link 2: xtargets \"1:2\" is not \"ids of the first file;ids of the second\""
        );
        let e = read_links(br#"<linkGrp><link xtargets="1:1;1:1" certainty="high"/></linkGrp>"#)
            .expect_err("not a number");
        assert_eq!(e.to_string(), "link 1: score \"high\" is not a number");
        assert!(matches!(read_links(b"<linkGrp/>"), Err(LinkError::NoLinks)));
        assert!(matches!(
            read_links(b"<linkGrp><link xtargets=\"1;1\"></linkGrp>"),
            Err(LinkError::Xml(_))
        ));
        let e = read_links(b"<linkGrp><link xtargets=\"1;1\"/>").expect_err("truncated");
        assert_eq!(
            e.to_string(),
            "malformed XML: the file ends inside <linkGrp> (cut short?)"
        );
    }

    #[test]
    fn groups_are_chosen_by_file_name() {
        let xml = br#"<cesAlign><linkGrp fromDoc="zh/a.xml" toDoc="en/a.xml"><link xtargets="1:1;1:1"/></linkGrp>
<linkGrp fromDoc="zh/b.xml" toDoc="en/b.xml"><link xtargets="2:1;2:1"/></linkGrp></cesAlign>"#;
        let pick = |a: &str, b: &str| select_group(read_links(xml).expect("reads"), a, b);
        assert_eq!(
            pick("x/b.xml", "y/b.xml").expect("found").links[0].a,
            ["2:1"]
        );
        assert!(matches!(
            pick("a.xml", "c.xml"),
            Err(LinkError::NoGroup { groups: 2, .. })
        ));
        let one =
            br#"<linkGrp fromDoc="zh.xml" toDoc="en.xml"><link xtargets="1:1;1:1"/></linkGrp>"#;
        let e = select_group(read_links(one).expect("reads"), "en.xml", "zh.xml")
            .expect_err("reversed");
        assert!(matches!(e, LinkError::Reversed { .. }));
        assert!(select_group(read_links(one).expect("reads"), "a.xml", "b.xml").is_ok());
        // UNPC keeps one file name per document, in a folder per language.
        let unpc = br#"<cesAlign><linkGrp fromDoc="zh/2014/1.xml" toDoc="en/2014/1.xml"><link xtargets="1:1;1:1"/></linkGrp>
<linkGrp fromDoc="zh/2014/2.xml" toDoc="en/2014/2.xml"><link xtargets="2:1;2:1"/></linkGrp></cesAlign>"#;
        let g = select_group(
            read_links(unpc).expect("reads"),
            "/data/en/2014/2.xml",
            "/data/zh/2014/2.xml",
        );
        assert!(matches!(g, Err(LinkError::Reversed { .. })), "{g:?}");
        let g = select_group(
            read_links(unpc).expect("reads"),
            "/data/zh/2014/2.xml",
            "/data/en/2014/2.xml",
        );
        assert_eq!(g.expect("found").links[0].a, ["2:1"]);
        let one = br#"<linkGrp fromDoc="zh/2014/1.xml" toDoc="en/2014/1.xml"><link xtargets="1:1;1:1"/></linkGrp>"#;
        let e = select_group(
            read_links(one).expect("reads"),
            "x/en/2014/1.xml",
            "x/zh/2014/1.xml",
        );
        assert!(matches!(e, Err(LinkError::Reversed { .. })), "{e:?}");
    }
}
