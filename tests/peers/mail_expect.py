# What Python's email package (email.policy.default) reads of a message: the expected values for
# `socketeer inbox show --json` (tests/tst_cliinboxcorpus.cpp). Usage: mail_expect.py FILE.eml
# Prints one JSON object: from, to, cc, subject (decoded, as str() of the header), and parts: every
# leaf part in order (walk() descends into message/rfc822 too) as {contentType, fileName}.
import email
import email.policy
import json
import sys

with open(sys.argv[1], 'rb') as f:
    msg = email.message_from_bytes(f.read(), policy=email.policy.default)


def header(name):
    try:
        value = msg[name]
    except Exception as e:   # policy.default raises on some malformed headers
        return 'error: %s' % type(e).__name__
    return '' if value is None else str(value)


parts = []
for part in msg.walk():
    if part.is_multipart():
        continue
    try:
        name = part.get_filename()
    except Exception as e:
        name = 'error: %s' % type(e).__name__
    parts.append({'contentType': part.get_content_type(), 'fileName': name or ''})

print(json.dumps({'from': header('From'), 'to': header('To'), 'cc': header('Cc'), 'subject': header('Subject'),
                  'parts': parts}, ensure_ascii=False))
