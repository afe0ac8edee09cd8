"""Validates a TMX file against the TMX 1.4b structure (tmx14-core.dtd, with lxml) and
reads it with translate-toolkit; prints {"units": N, "first": [source, target],
"langs": [...], "props": {...}} as JSON. Exits 1 with the validator's messages when the
file is not valid. Usage: python3 tmx_check.py FILE.tmx"""
import json
import os
import sys

from lxml import etree
from translate.storage import tmx

path = sys.argv[1]
dtd = etree.DTD(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tmx14-core.dtd"))
doc = etree.parse(path)
if not dtd.validate(doc):
    print(dtd.error_log.filter_from_errors(), file=sys.stderr)
    sys.exit(1)
store = tmx.tmxfile.parsefile(path)
units = store.units
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
first_tu = doc.find(".//tu")
print(json.dumps({
    "units": len(units),
    "first": [units[0].source, units[0].target] if units else [],
    "srclang": doc.find("header").get("srclang"),
    "langs": [t.get(XML_LANG) for t in first_tu.findall("tuv")] if first_tu is not None else [],
    "tuid": first_tu.get("tuid") if first_tu is not None else None,
    "tuv_props": [t.findtext("prop[@type='source-document']") for t in first_tu.findall("tuv")] if first_tu is not None else [],
}, ensure_ascii=False))
