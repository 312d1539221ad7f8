#!/usr/bin/python3
"""Read texts back out of a document the way a conforming parser does: libxml2 through lxml
(Debian's python3-lxml), independent of the fast-xml-parser builder that wrote the document.
Written for depeche's tests.

Usage:
  /usr/bin/python3 xml_texts.py xml FILE < SPEC
      SPEC = {"namespaces": {prefix: uri}, "text": {name: xpath}, "html": {name: xpath}}
      "text": the string value of each match (an element's descendant text, an attribute's value).
      "html": the string value of each match parsed as an HTML fragment (see below).
  /usr/bin/python3 xml_texts.py html FILE
      FILE = a JSON array of HTML fragments; each is parsed as below.
An HTML fragment is parsed with libxml2's HTML parser (lxml.html) and read as
{"text": all its text, "blocks": [text of each p, h1-h6, li, figcaption, in document order]}.
Prints one JSON line. Exit 2 when the XML is not well-formed.
"""
import json
import sys

import lxml.html
from lxml import etree

BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption")


def string_value(match):
    if isinstance(match, etree._Element):
        return "".join(match.itertext())
    return str(match)


def read_html(fragment):
    root = lxml.html.Element("div")
    if fragment.strip():
        for part in lxml.html.fragments_fromstring(fragment):
            if isinstance(part, str):
                root.text = part
            else:
                root.append(part)
    return {
        "text": "".join(root.itertext()),
        "blocks": ["".join(e.itertext()) for e in root.iter(*BLOCKS)],
    }


def read_xml(path, spec):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        doc = etree.parse(path, parser)
    except etree.XMLSyntaxError as e:
        print("not well-formed: %s" % e, file=sys.stderr)
        sys.exit(2)
    ns = spec.get("namespaces", {})

    def matches(xpath):
        found = doc.xpath(xpath, namespaces=ns)
        return found if isinstance(found, list) else [found]

    return {
        "text": {k: [string_value(m) for m in matches(x)] for k, x in spec.get("text", {}).items()},
        "html": {
            k: [read_html(string_value(m)) for m in matches(x)]
            for k, x in spec.get("html", {}).items()
        },
    }


def main(argv):
    mode, path = argv[1], argv[2]
    if mode == "xml":
        out = read_xml(path, json.load(sys.stdin))
    elif mode == "html":
        with open(path, encoding="utf-8") as f:
            out = [read_html(fragment) for fragment in json.load(f)]
    else:
        print(__doc__, file=sys.stderr)
        return 2
    sys.stdout.reconfigure(encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
