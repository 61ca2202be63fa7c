# An independent reader of the messages Socketeer builds: Python's own email package (what the
# tutorial uses). Reads one .eml file, prints one JSON object on stdout:
#   subject, from/to/cc/bcc as [{"name", "address"}], headers (names present, in order),
#   body (the text/plain part, decoded), attachments as [{"filename", "name_param",
#   "name_param_longest_word", "filename_rfc2231", "content_type", "sha256", "size"}], and the raw-form checks: lines that
#   do not end in CRLF, the longest line, the longest base64 line, and any defects Python found.
import email
import email.header
import email.policy
import hashlib
import json
import sys

path = sys.argv[1]
with open(path, 'rb') as f:
    raw = f.read()

# Raw form: every line ends with CRLF, no line over 998 octets (without its CRLF).
lines = raw.split(b'\r\n')
if lines and lines[-1] == b'':
    lines.pop()
    missing_final_crlf = False
else:
    missing_final_crlf = True
bare_line_ends = sum(1 for line in lines if b'\n' in line or b'\r' in line)
longest_line = max((len(line) for line in lines), default=0)

msg = email.message_from_bytes(raw, policy=email.policy.default)
# The same message as compat32 sees it: header values as they were written, not decoded.
raw_parts = [p for p in email.message_from_bytes(raw, policy=email.policy.compat32).walk()]


def mailboxes(header_name):
    header = msg[header_name]
    if header is None:
        return []
    return [{'name': a.display_name, 'address': a.addr_spec} for a in header.addresses]


def decoded_param(value):
    if value is None:
        return None
    return str(email.header.make_header(email.header.decode_header(value)))


body = None
attachments = []
longest_base64_line = 0
for part, raw_part in zip(msg.walk(), raw_parts):
    if part.is_multipart():
        continue
    if part.get('Content-Transfer-Encoding', '').lower() == 'base64':
        encoded = part.get_payload(decode=False)
        longest_base64_line = max([longest_base64_line] + [len(l) for l in encoded.splitlines()])
    if part.get_content_disposition() == 'attachment':
        payload = part.get_payload(decode=True)
        attachments.append({
            'filename': part.get_filename(),
            'filename_rfc2231': 'filename*' in str(raw_part.get('Content-Disposition', '')),
            'name_param_raw': raw_part.get_param('name'),
            'content_type': part.get_content_type(),
            'sha256': hashlib.sha256(payload).hexdigest(),
            'size': len(payload),
        })
    elif part.get_content_type() == 'text/plain' and body is None:
        body = part.get_content()

for a in attachments:
    raw_name = a.pop('name_param_raw')
    if isinstance(raw_name, tuple):   # an RFC 2231 name*=, not the RFC 2047 fallback we want
        a['name_param'] = None
        a['name_param_form'] = 'rfc2231'
    else:
        a['name_param'] = decoded_param(raw_name)
        a['name_param_form'] = 'rfc2047' if raw_name and raw_name.startswith('=?') else 'plain'
        # RFC 2047 section 2: no encoded word longer than 75 characters.
        a['name_param_longest_word'] = max((len(w) for w in (raw_name or '').split()), default=0)

text_part = next((p for p in msg.walk() if p.get_content_type() == 'text/plain'
                  and p.get_content_disposition() != 'attachment'), None)
print(json.dumps({
    'subject': str(msg['subject']) if msg['subject'] is not None else None,
    'raw_headers': raw.split(b'\r\n\r\n')[0].decode('ascii', 'replace'),
    'from': mailboxes('from'),
    'to': mailboxes('to'),
    'cc': mailboxes('cc'),
    'bcc': mailboxes('bcc'),
    'headers': list(msg.keys()),
    'content_type': msg.get_content_type(),
    'body': body,
    'body_charset': text_part.get_content_charset() if text_part is not None else None,
    'attachments': attachments,
    'bare_line_ends': bare_line_ends,
    'missing_final_crlf': missing_final_crlf,
    'longest_line': longest_line,
    'longest_base64_line': longest_base64_line,
    'defects': [str(d) for p in msg.walk() for d in p.defects],
}, ensure_ascii=False))
