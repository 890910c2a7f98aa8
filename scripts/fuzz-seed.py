#!/usr/bin/env python3
"""Writes the fuzz seed inputs: the example intents, the golden vectors, and every intent, pasted
text and policy of docs/findings.json, one file each, under fuzz/seeds/<target>/."""
import hashlib, json, os, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
out = os.path.join(root, 'fuzz', 'seeds')

def put(target, text):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    data = text.encode()
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), 'wb') as f:
        f.write(data)

intents, documents, policies = [], [], []
for name in sorted(os.listdir(os.path.join(root, 'examples'))):
    intents.append(open(os.path.join(root, 'examples', name)).read())
for name in sorted(os.listdir(os.path.join(root, 'tests', 'vectors'))):
    if name.endswith('.json'):
        documents.append(open(os.path.join(root, 'tests', 'vectors', name)).read())
for e in json.load(open(os.path.join(root, 'docs', 'findings.json')))['findings']:
    if e.get('pad'):
        continue  # the size limits' examples are padded to a size libFuzzer does not try
    if 'intent' in e:
        intents.append(json.dumps(e['intent'], indent=2, ensure_ascii=False))
        for ptr in ('current', 'logstore'):
            if isinstance(e['intent'].get(ptr), str):
                documents.append(e['intent'][ptr])
        trust = (e['intent'].get('ram') or {}).get('current_trust_policy')
        if isinstance(trust, str):
            policies.append(trust)
        elif isinstance(trust, dict):
            policies.append(json.dumps(trust, indent=2))
    if 'intent_text' in e:
        intents.append(e['intent_text'])
    if 'policy' in e:
        policies.append(e['policy'])
for t in intents + documents + policies:
    put('text_reader', t)
for t in intents:
    put('intent_reader', t)
    put('compile', t)
for t in policies:
    put('policy', t)
    put('trust_merge', t)
print(f'{len(intents)} intents, {len(documents)} documents, {len(policies)} policies -> {out}', file=sys.stderr)
