#!/usr/bin/python3
"""What Universal Feed Parser reads from a feed: every entry's title, id, link and dates, as one
JSON line. Written for depeche's tests (the judgement is feedparser's; this only prints it).
check_feed.py, the oracle, reports only the first title; the tests compare every entry.

Usage: /usr/bin/python3 feedparser_entries.py FEED   (Debian's python3-feedparser)
titleType is feedparser's title_detail.type: for RSS, "text/html" when it guessed the title was
HTML (RSS 2.0 does not say which it is), "text/plain" otherwise.
Dates are feedparser's *_parsed values (always UTC), written as RFC 3339 with Z, or null.
"""
import json
import sys
import time

import feedparser


def iso(parsed):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def main(path):
    d = feedparser.parse(path)
    feed = d.get("feed", {})
    out = {
        "bozo": bool(d.get("bozo")),
        "bozoException": repr(d.get("bozo_exception")) if d.get("bozo") else None,
        "version": d.get("version"),
        "feed": {
            "title": feed.get("title"),
            "id": feed.get("id"),
            "updated": iso(feed.get("updated_parsed")),
        },
        "entries": [
            {
                "title": e.get("title"),
                # feedparser guesses whether an RSS title is HTML (mixin.py looks_like_html)
                "titleType": e.get("title_detail", {}).get("type"),
                "id": e.get("id"),
                "link": e.get("link"),
                "published": iso(e.get("published_parsed")),
                "updated": iso(e.get("updated_parsed")),
            }
            for e in d.get("entries", [])
        ],
    }
    sys.stdout.reconfigure(encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
