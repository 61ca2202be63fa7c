#!/usr/bin/env python3
# Writes the hand-made seeds of the fuzz corpus (tests/fuzz/corpus/<target>/seed-*): small,
# meaningful inputs for every construct each parser knows, so the fuzzer starts deep inside it.
# Inputs the fuzzer found later (merged with scripts/fuzz.sh --merge) and crash reproducers
# (crash-*) live beside them and are never written here. Run again after editing; it only
# rewrites seed-* files.
#   tests/fuzz/make_corpus.py
import base64
import os
import sys
from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    folder = os.path.join(HERE, 'corpus', target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(folder, 'seed-' + name), 'wb') as f:
        f.write(data)


def crlf(text):
    if isinstance(text, str):
        text = text.encode('utf-8')
    return text.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')


# --- SMTP server session: control byte (limits and chunk count), chunk sizes, dialogue --------
def smtp(name, dialogue, control=0x00, chunks=b''):
    assert len(chunks) == control & 0x0f
    write('smtpserver', name, bytes([control]) + chunks + crlf(dialogue) if isinstance(dialogue, str)
          else bytes([control]) + chunks + dialogue)


plain = ('EHLO client.example\nMAIL FROM:<a@example.com>\nRCPT TO:<b@example.com>\nDATA\n'
         'Subject: hi\n\nhello\n.\nQUIT\n')
smtp('plain-bytewise', plain)
smtp('plain-chunks-3-7-1', plain, 0x03, bytes([2, 6, 0]))
smtp('pipelined-two-transactions',
     'EHLO c\nMAIL FROM:<a@x.org>\nRCPT TO:<b@y.org>\nDATA\nSubject: one\n\n1\n.\n'
     'MAIL FROM:<c@x.org> SIZE=20 BODY=8BITMIME\nRCPT TO:<d@y.org>\nRCPT TO:<postmaster>\nDATA\n\n2\n.\nQUIT\n',
     0x02, bytes([40, 3]))
smtp('dot-stuffing',
     'HELO c\nMAIL FROM:<>\nRCPT TO:<b@y.org>\nDATA\n..leading dot\n.\r\n..\n.x\n. \nend\n.\nNOOP\n', 0x01, bytes([1]))
smtp('bare-lf-dot-is-text',
     b'EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nline\n.\nstill text\r\n.\rx\r\n.\r\nRSET\r\n', 0x00)
smtp('smuggling-attempt',
     b'EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nbody\n.\r\nMAIL FROM:<evil@x.org>\r\n.\r\nQUIT\r\n', 0x04,
     bytes([5, 1, 17, 2]))
smtp('bdat-and-unknown',
     'EHLO c\nBDAT 10 LAST\n0123456789\nSTARTTLS\nAUTH PLAIN AGFAYg==\nVRFY root\nEXPN list\nHELP\nETRN x\nTURN\n'
     'FOO bar\n\n   \nmail from:<A@X.ORG>\nrcpt to:<B@Y.ORG>\nrset\nquit\n')
smtp('long-lines-small-limits',
     'EHLO ' + 'h' * 90 + '\nEHLO c\nMAIL FROM:<a@x.org>\nRCPT TO:<' + 'r' * 70 + '@y.org>\n'
     'RCPT TO:<b@y.org>\nDATA\n' + ('x' * 150 + '\n') * 3 + '.\nQUIT\n', 0x30)
smtp('too-many-recipients',
     'EHLO c\nMAIL FROM:<a@x.org>\n' + ''.join('RCPT TO:<r%d@y.org>\n' % i for i in range(5)) + 'DATA\nx\n.\nQUIT\n',
     0x41, bytes([9]))
smtp('too-many-errors', 'x\n' * 6 + 'EHLO c\n', 0x80)
smtp('smtputf8', 'EHLO c\nMAIL FROM:<王@例子.中国> SMTPUTF8\nRCPT TO:<李@例子.中国>\nDATA\nSubject: 你好\n\n正文\n.\n'
     'MAIL FROM:<ü@x.org>\nQUIT\n')
smtp('bad-parameters', 'HELO c\nMAIL FROM:<a@x.org> SIZE=1\nEHLO c\nMAIL FROM:<a@x.org> SIZE=abc\n'
     'MAIL FROM:<a@x.org> SIZE=999999999999999999999\nMAIL FROM:<a@x.org> BODY=BINARYMIME\nMAIL FROM:<a@x.org> FOO\n'
     'MAIL FROM:<@relay,@r2:a@x.org>\nMAIL FROM:a@x.org\nRCPT TO:<b@y.org> NOTIFY=NEVER\nRCPT TO:<b y>\nRCPT TO:<b@y.org\n'
     'RCPT TO:user\nDATA extra\nRSET now\nQUIT\n')
smtp('sink-failures',
     'EHLO c\nMAIL FROM:<beginfail@x.org>\nRCPT TO:<b@y.org>\nDATA\nRSET\nMAIL FROM:<writefail@x.org>\nRCPT TO:<b@y.org>\n'
     'DATA\n' + 'w' * 40 + '\n.\nMAIL FROM:<finishfail@x.org>\nRCPT TO:<b@y.org>\nDATA\nf\n.\nQUIT\n', 0x02, bytes([12, 0]))
smtp('message-too-large', 'EHLO c\nMAIL FROM:<a@x.org>\nRCPT TO:<b@y.org>\nDATA\n' + ('y' * 60 + '\n') * 5 + '.\nNOOP\n', 0x10)
smtp('cut-mid-data', 'EHLO c\nMAIL FROM:<a@x.org>\nRCPT TO:<b@y.org>\nDATA\npartial message\n.', 0x01, bytes([6]))
smtp('cr-lf-split', b'EHLO c\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nDATA\r\nx\r\r\n\r.\r\n\r\n.\r\n', 0x01, bytes([0]))
# Security: STARTTLS (with pipelined bytes after it), AUTH PLAIN/LOGIN with and without an initial
# response, cancel, bad base64, a second AUTH, require-TLS, failure injection (control 0x10).
b64 = lambda b: base64.b64encode(b).decode()
smtp('starttls-pipelined-injection',
     'EHLO c\nSTARTTLS\nMAIL FROM:<evil@x.org>\nRCPT TO:<b@y.org>\nEHLO c\nSTARTTLS\nMAIL FROM:<a@x.org>\nQUIT\n', 0x01, bytes([9]))
smtp('starttls-rules', 'STARTTLS\nHELO c\nSTARTTLS\nEHLO c\nSTARTTLS now\nMAIL FROM:<a@x.org>\nSTARTTLS\nRSET\nSTARTTLS\n'
     'EHLO c\nSTARTTLS\nQUIT\n')
smtp('auth-plain-login', 'EHLO c\nAUTH PLAIN ' + b64(b'\0user\0secret') + '\nAUTH PLAIN\nRSET\nEHLO c\nAUTH LOGIN\n'
     + b64(b'user') + '\n' + b64(b'secret') + '\nMAIL FROM:<a@x.org> AUTH=<>\nRCPT TO:<b@y.org>\nDATA\nx\n.\nQUIT\n',
     0x02, bytes([7, 2]))
smtp('auth-failures', 'AUTH PLAIN\nEHLO c\nAUTH\nAUTH CRAM-MD5\nAUTH PLAIN\n*\nAUTH PLAIN not*base64\nAUTH LOGIN '
     + b64(b'user') + '\n!!!\nAUTH PLAIN ' + b64(b'\0user\0wrong') + '\nAUTH PLAIN ' + b64(b'other\0user\0secret')
     + '\nAUTH PLAIN =\nAUTH PLAIN ' + b64(b'\0user') + '\nMAIL FROM:<a@x.org>\nAUTH PLAIN ' + b64(b'\0user\0secret') + '\nQUIT\n')
smtp('auth-needs-tls-elsewhere', 'EHLO c\nAUTH PLAIN ' + b64(b'\0user\0secret') + '\nSTARTTLS\nEHLO c\nAUTH PLAIN '
     + b64(b'\0user\0secret') + '\nAUTH LOGIN\nQUIT\n', 0x80)
smtp('require-tls', 'EHLO c\nMAIL FROM:<a@x.org>\nAUTH LOGIN\nSTARTTLS\nEHLO c\nMAIL FROM:<a@x.org>\nRCPT TO:<b@y.org>\nDATA\nx\n.\nQUIT\n',
     0x40)
smtp('failure-injection', 'EHLO c\n' + ''.join('AUTH LOGIN\n*\nMAIL FROM:<a@x.org>\nRCPT TO:<b@y.org>\nRCPT TO:<c@y.org>\nDATA\nx\n.\nRSET\n'
     for _ in range(4)) + 'QUIT\n', 0x10)

# --- SMTP replies ------------------------------------------------------------------------------
write('smtpreply', 'greeting', crlf('220 mail.example.com ESMTP Postfix\n'))
write('smtpreply', 'ehlo-multiline', crlf('250-mail.example.com\n250-PIPELINING\n250-SIZE 10240000\n250-VRFY\n'
                                         '250-ETRN\n250-STARTTLS\n250-AUTH PLAIN LOGIN XOAUTH2\n250-AUTH=LOGIN\n'
                                         '250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250-SMTPUTF8\n250 DSN\n'))
write('smtpreply', 'ehlo-size-no-limit', crlf('250-smtp.qq.com\n250-size\n250 auth login plain\n'))
write('smtpreply', 'ehlo-bad-size', crlf('250-x\n250 SIZE -5\n250-x\n250 SIZE 12abc\n'))
write('smtpreply', 'errors', crlf('550 5.1.1 <x@y>: Recipient address rejected\n421 4.7.0 Try again later\n'
                                   '354 End data with <CR><LF>.<CR><LF>\n334 VXNlcm5hbWU6\n535 5.7.8 Error: authentication failed\n'))
write('smtpreply', 'malformed', crlf('25\n2500 x\n250x\n650 bad\n260 bad second digit\n250-a\n251 changed code\n'
                                      '250 tab\there\n250 ctrl\x01char\n250\n250-\n250 \n'))
write('smtpreply', 'bare-lf-and-8bit', b'220 \xe4\xbd\xa0\xe5\xa5\xbd\n250-\xff\xfe\n250 ok\r\n')
write('smtpreply', 'long-line', crlf('250 ' + 'x' * 2100 + '\n250 ok\n'))

# --- mail messages -----------------------------------------------------------------------------
def mail(name, data):
    write('mailparser', name, crlf(data) if isinstance(data, str) else data)


gbk = lambda s: s.encode('gbk')
tutorial = MIMEMultipart()
tutorial['From'] = formataddr((str(Header('王大锤', 'utf-8')), 'wang@example.com'))
tutorial['To'] = 'luo@example.com, 张三 <zhang@example.com>'
tutorial['Subject'] = Header('本月数据', 'utf-8')
tutorial['Date'] = 'Tue, 01 Dec 2026 10:00:00 +0800'
tutorial['Message-ID'] = '<seed1@example.com>'
tutorial.attach(MIMEText('附件中有本月数据请查收', 'plain', 'utf-8'))
part = MIMEApplication(b'PK\x03\x04 not really a zip')
part.add_header('Content-Disposition', 'attachment', filename=('utf-8', '', '汇总数据.xlsx'))
tutorial.attach(part)
mail('python-tutorial', tutorial.as_bytes())

modern = EmailMessage()
modern['From'] = '王大锤 <wang@example.com>'
modern['To'] = 'luo@example.com'
modern['Cc'] = '李四 <li@example.com>'
modern['Subject'] = '月报：' + '数据' * 12
modern['Date'] = 'Tue, 01 Dec 2026 10:00:00 +0000'
modern.set_content('第一行\n.以点开头的一行\nnaïve café\n', cte='quoted-printable')
modern.add_alternative('<p>第一行</p>\n', subtype='html')
modern.add_attachment(b'\x00\x01\x02binary', maintype='application', subtype='octet-stream', filename='报告 2026 年.pdf')
mail('python-modern', modern.as_bytes())

mail('rfc2231-continuations', 'From: a@example.com\nTo: b@example.com\nSubject: names\nMIME-Version: 1.0\n'
     'Content-Type: multipart/mixed; boundary="XX"\n\n--XX\nContent-Type: text/plain; charset=utf-8\n\nsee attached\n--XX\n'
     'Content-Type: application/octet-stream\nContent-Disposition: attachment;\n filename*0*=gb2312\'\'%BB%E3%D7%DC;\n'
     ' filename*1*=%CA%FD%BE%DD;\n filename*2=.xlsx\nContent-Transfer-Encoding: base64\n\nAAECAwQ=\n--XX\n'
     'Content-Type: application/octet-stream;\n name="=?UTF-8?B?5rGH5oC75pWw5o2uLnhsc3g=?="\n'
     'Content-Disposition: attachment; filename*=UTF-8\'zh-CN\'%E6%B1%87%E6%80%BB.xlsx\n'
     'Content-Transfer-Encoding: base64\n\nAAECAwQ=\n--XX--\n')
mail('raw-gbk-headers', b'From: ' + gbk('王大锤') + b' <wang@example.com>\r\nTo: b@example.com\r\nSubject: ' + gbk('测试邮件 — 月报')
     + b'\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=gbk\r\n'
     b'Content-Transfer-Encoding: 8bit\r\n\r\n' + gbk('你好，世界') + b'\r\n--b\r\nContent-Type: application/octet-stream\r\n'
     b'Content-Disposition: attachment; filename="' + gbk('汇总数据.xlsx') + b'"\r\n\r\nraw\r\n--b--\r\n')
mail('split-encoded-words', 'From: =?UTF-8?B?546L5Q==?=\n =?UTF-8?B?pKfplKQ=?= <wang@example.com>\n'
     'To: =?gb2312?Q?=BB?= =?GB2312?Q?=E3=D7=DC?= <a@example.com>, b@example.com\n'
     'Subject: =?UTF-8?B?5rWL6K+V6YI=?= =?UTF-8?B?ruS7tiDigJQg5pyI5oql?=\nReply-To: =?x?Q?a_b?= <r@example.com>\n\nbody\n')
mail('nested-forward', 'From: a@example.com\nTo: b@example.com\nSubject: Fwd: report\nMIME-Version: 1.0\n'
     'Content-Type: multipart/mixed; boundary=outer\n\n--outer\nContent-Type: text/plain\n\nsee below\n--outer\n'
     'Content-Type: message/rfc822\n\nFrom: c@example.com\nSubject: =?gb18030?B?sbrUwg==?=\nMIME-Version: 1.0\n'
     'Content-Type: multipart/alternative; boundary=inner\n\n--inner\nContent-Type: text/plain; charset=gb2312\n'
     'Content-Transfer-Encoding: quoted-printable\n\n=C4=E3=BA=C3=\nsoft\n--inner\nContent-Type: text/html\n\n<b>hi</b>\n'
     '--inner--\n--outer\nContent-Type: image/png; name=dot.png\nContent-Transfer-Encoding: base64\n\n'
     + base64.encodebytes(b'\x89PNG\r\n\x1a\n' + bytes(range(40))).decode() + '--outer--\n')
mail('malformed', 'From: <<<@@@>>>\nTo:\nSubject: =?utf-8?B?!!!?= =?utf-8?Q?=ZZ?= =?gb2312?B?\n'
     'Date: not a date\nContent-Type: multipart/mixed; boundary=\nContent-Transfer-Encoding: base64\n\n--\n--x\n@@@@\n')
mail('no-end-boundary', 'Content-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: multipart/related; boundary=z2\n\n'
     '--z2\nContent-Type: text/plain\nContent-Transfer-Encoding: uuencode\n\nbegin 644 a\n#86)C\n`\nend\n')
mail('headers-only', 'Received: from x by y; Tue, 1 Dec 2026 10:00:00 +0000\nX-Mailer: Foxmail 7\nSubject: no body')

# --- addresses -----------------------------------------------------------------------------
for name, text in [
        ('plain', 'a@example.com'), ('angle', '<a@example.com>'), ('named', '王大锤 <wang@example.com>'),
        ('quoted-comma', '"Bob, Jr." <b@example.com>'), ('escapes', '"a \\"q\\" \\\\ b" <x@example.com>'),
        ('comment', 'a@example.com (comment)'), ('idn', '张三 <张三@例子.中国>'), ('literal-v4', 'x@[192.0.2.1]'),
        ('literal-v6', 'x@[IPv6:2001:db8::1]'), ('crlf-injection', 'a@example.com\r\nRCPT TO:<evil@x.org>'),
        ('list', '张三 <z@example.com>; "Bob, Jr." <b@example.com>, c@example.com,, ;'),
        ('unbalanced', '"open <a@example.com>'), ('dots', 'a..b@example.com'), ('long-local', 'l' * 70 + '@example.com'),
        ('quoted-space-name', '" padded " <p@example.com>'), ('tab-name', 'a\tb <t@example.com>'),
        ('bad-domain', 'a@-x-.example'), ('angle-in-name', '"<x>" <y@example.com>')]:
    write('mailaddress', name, text)

# --- hex input -------------------------------------------------------------------------------
for name, text in [('spaced', '48 65 6c 6C 6f'), ('prefixed', '0x48,0x65, 0X6c'), ('colons', 'de:ad:be:ef'),
                   ('dashes', '00-11-22'), ('odd', '4 8'), ('bad-digit', '4g'), ('packed', '48656c6c6f0d0a'),
                   ('unicode', '４８ ６５'), ('empty', '')]:
    write('hex', name, text)

# --- text decoders: first byte chooses the encoding (0 UTF-8, 1 GBK, 2 GB18030, 3 Latin-1) and
# the options (0x10 escape controls, 0x20 keep newlines) ----------------------------------------
samples = {
    'utf8': (0x30, '你好，世界\r\n\t€ naïve 😀'.encode('utf-8') + b'\xc3\x28\xed\xa0\x80\xf4\x90\x80\x80\xe0\x80\xaf\x00\x7f'),
    'gbk': (0x31, gbk('你好，世界 汇总数据') + b'\x80\x81\x30\xa1\x7f\xff\xfe\x40\r\n'),
    'gb18030': (0x32, '你好 😀 €'.encode('gb18030') + b'\x81\x30\x81\x30\x84\x31\xa4\x39\xe3\x32\x9a\x36\x81\x30'),
    'latin1': (0x33, bytes(range(256))),
    'raw-controls': (0x02, b'\x00\x01\x1b[31m\x7f\r\n' + '表'.encode('gb18030')),
}
for name, (control, data) in samples.items():
    write('encoding', name, bytes([control]) + data)

# --- checksums: the first line is the spec as typed ("NAME [le|be]"), the rest a message received
# (here the catalogue's "123456789" with its check value, one wrong, one too short) ---------------
checksum_seeds = {
    'modbus': b'crc16-modbus\n123456789\x37\x4b',
    'modbus-be-bad': b'crc16-modbus be\n123456789\x37\x4b',
    'ccitt-false': b'crc16-ccitt-false\n123456789\x29\xb1',
    'xmodem': b'CRC16-XMODEM\n123456789\x31\xc3',
    'crc32': b'crc32 le\n123456789\x26\x39\xf4\xcb',
    'crc8-short': b'crc8\n',
    'sum8': b'sum8\n123456789\xdd',
    'xor8': b'xor8\n123456789\x31',
    'lrc': b'lrc be\n\x01\x03\x00\x00\x00\x0a\xf2',
    'unknown': b'crc-16/modbus middle\n\x00\xff',
    # Messages without their value: a message that ends with its own CRC has a residue of 0, the
    # same in either byte order, so these are what make the order matter.
    'modbus-request-be': b'crc16-modbus be\n\x01\x03\x00\x00\x00\x0a',
    'xmodem-block': b'crc16-xmodem\n' + bytes(range(128)),
    'crc32-text': b'crc32 be\nThe quick brown fox jumps over the lazy dog',
    'lrc-range': b'lrc le 1:\n:01030000000A',
    'modbus-range-back': b'crc16-modbus le -4:-1\n\x02\x10\x20\x30\x03',
    'range-bad': b'xor8 be 1:x\nabc',
}
for name, data in checksum_seeds.items():
    write('checksum', name, data)

# --- framing: byte 0 the spec (its index in fuzz_framing.cpp's table; bit 7: the rest is spec
# text), byte 1 the maximum (0: the default; bit 6: close on error), byte 2 the chunking seed ---
import struct
framing_specs = ['line', 'crlf', 'delim:00', 'delim:0d0a', 'delim:aaab', 'delim:616161', 'len:1', 'len:2be',
                 'len:2le', 'len:4be', 'len:4le', 'len:1,header', 'len:2be,header', 'len:4le,header', 'fixed:1',
                 'fixed:5']
for name, spec, control, stream in [
        ('line-mixed-endings', 'line', 0, b'one\ntwo\r\nthree\r\r\n\nlast'),
        ('line-over-max', 'line', 4, b'short\nmuch too long for four\nok\n'),
        ('crlf-lone-lf', 'crlf', 0, b'a\nb\r\nc\r\r\n\r'),
        ('delim-nul', 'delim:00', 3, b'abc\x00\x00defgh\x00ij'),
        ('delim-overlap', 'delim:616161', 0, b'aaaaaaab aaa'),
        ('len1', 'len:1', 0, b'\x03abc\x00\x01x\x05ab'),
        ('len2be-over-max', 'len:2be', 8, struct.pack('>H', 20) + b'x' * 20 + struct.pack('>H', 2) + b'ok'),
        ('len2le', 'len:2le', 0, struct.pack('<H', 5) + b'hello' + struct.pack('<H', 0)),
        ('len4be-huge-close', 'len:4be', 0x40 | 5, b'\xff\xff\xff\xffrest'),
        ('len4le', 'len:4le', 0, struct.pack('<I', 3) + b'abc' + struct.pack('<I', 1)),
        ('len1-header-short', 'len:1,header', 0, b'\x00abc'),
        ('len2be-header', 'len:2be,header', 0, struct.pack('>H', 5) + b'abc' + struct.pack('>H', 2)),
        ('fixed5', 'fixed:5', 0, b'0123456789abc')]:
    write('framing', name, bytes([framing_specs.index(spec), control, 0x5a]) + stream)
for name, text in [('spec-len', 'len:4le,header,max=64k,close'), ('spec-delim', 'delim:0D 0A,max=1M'),
                   ('spec-bad-hex', 'delim:0g'), ('spec-fixed-zero', 'fixed:0'), ('spec-unknown', 'lines,resync'),
                   ('spec-max-huge', 'line,max=99999999999999999999k')]:
    write('framing', name, bytes([0x80, 0, 0]) + text.encode())

# --- saved: a saved-messages file (core/saved/savedlibrary.h) as a user might import it ---
import json as _json
def saved_file(messages, sequences=(), version=1):
    return _json.dumps({'format': 'socketeer-saved', 'version': version, 'messages': list(messages),
                        'sequences': list(sequences)}, ensure_ascii=False, indent=1)
for name, data in [
        ('library', saved_file([{'name': 'hello', 'text': 'hello\\r\\n'},
                                {'name': 'coils', 'folder': 'Modbus/Reads', 'format': 'hex', 'text': '01 01 00 00 00 08',
                                 'note': 'slave 1'},
                                {'name': '你好', 'folder': '中文', 'text': '你好\\x00\\\\'}],
                               [{'name': 'login', 'repeat': 3, 'steps': [
                                   {'type': 'send', 'message': 'hello'}, {'type': 'delay', 'ms': 100},
                                   {'type': 'wait', 'pattern': '^ACK (\\w+)', 'timeoutMs': 2000},
                                   {'type': 'send', 'message': '你好'}]}])),
        ('duplicate-names', saved_file([{'name': 'a', 'text': 'x'}, {'name': 'a', 'text': 'y'}])),
        ('bad-escape', saved_file([{'name': 'a', 'text': 'x\\q'}])),
        ('bad-regex', saved_file([], [{'name': 's', 'steps': [{'type': 'wait', 'pattern': '(?<', 'timeoutMs': 5}]}])),
        ('unknown-message', saved_file([], [{'name': 's', 'steps': [{'type': 'send', 'message': 'nope'}]}])),
        ('newer', saved_file([], version=2)),
        ('syntax', '{"format": "socketeer-saved", "version": 1, "messages": [{"name": "a",}]}'),
        ('numbers', saved_file([], [{'name': 's', 'repeat': 1e300, 'steps': [{'type': 'delay', 'ms': -0.5}]}]))]:
    write('saved', name, data)

# --- chatroom: byte 0 bit 0 nicknames, bits 1-2 the maximum line (8, 64, 512, 8192); then per
# operation a byte (bits 0-1 client 1-4, bits 2-3: 0 join, 1 leave, 2 bytes: a length byte, them) --
def chat_join(client):
    return bytes([client - 1])


def chat_leave(client):
    return bytes([(client - 1) | 4])


def chat_server(client, which, text=None):
    # The server's own command (0 mute, 1 unmute, 2 remove, 3 topic, 4 notice) for that client.
    op = bytes([(client - 1) | 4 | 16 | (which << 5)])
    if text is None:
        return op
    data = text.encode('utf-8')
    return op + bytes([len(data)]) + data


def chat_say(client, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    return bytes([(client - 1) | 8, len(data)]) + data


for name, control, ops in [
        ('addresses', 0b110, chat_join(1) + chat_join(2) + chat_say(1, 'hello\n') + chat_say(2, 'two\nlines\n') + chat_leave(1)),
        ('nicknames', 0b111, chat_join(1) + chat_say(1, 'alice\n') + chat_join(2) + chat_say(2, 'ALICE\nbob\nhi\n')
         + chat_join(3) + chat_say(3, '/nick 小明\n大家好\n') + chat_leave(2) + chat_join(2) + chat_say(2, 'Bob\n')),
        ('bad-nicknames', 0b111, chat_join(1) + chat_say(1, '\n  \n*x\n/who\na b\na:b\n\x1b[31m\n\xc4\xe3\n' + 'n' * 40 + '\nok\n')),
        ('byte-at-a-time', 0b000, chat_join(1) + chat_join(2) + b''.join(chat_say(1, bytes([c])) for c in b'split line\r\n')),
        ('too-long', 0b001, chat_join(1) + chat_say(1, 'al\n') + chat_join(2) + chat_say(2, 'bo\n') + chat_say(1, 'x' * 100 + '\nok\n')),
        ('controls', 0b110, chat_join(1) + chat_join(4) + chat_say(4, 'hi\rfake: line\x1b[2J\x7f\x00\ttab\n')),
        ('unfinished-leave', 0b111, chat_join(1) + chat_say(1, 'a\n') + chat_join(2) + chat_say(2, 'b\nbye') + chat_leave(2)),
        ('server-commands', 0b111, chat_join(1) + chat_say(1, 'alice\n') + chat_join(2) + chat_say(2, 'bob\n')
         + chat_server(2, 0) + chat_server(2, 0) + chat_say(2, 'hi\n/me x\n/who\n') + chat_server(2, 1)
         + chat_server(1, 3, '第一课\x1b\n') + chat_server(1, 4, 'a\r\nb\x1b\n\n') + chat_server(2, 2) + chat_say(2, 'after\n')
         + chat_leave(2) + chat_server(2, 2) + chat_server(3, 0))]:
    write('chatroom', name, bytes([control]) + ops)
# --- chatline: byte 0 the encoding (0 UTF-8, 1 GBK, 2 GB18030, 3 Latin-1), byte 1 the chunking
# seed; then what a room (or any line peer) sends to a client ---
for name, control, text in [
        ('every-kind', 0, '*** welcome: send your nickname on the first line\n*** you are 小明\n*** topic: 第一课\n'
         'alice: hello 小明\n* alice waves\n*alice* psst\n-> *alice* see you\n*** alice is now Alice\n'
         '*** you are now Ming\nMing: echoed\nplain line\n*** Alice left\n'),
        ('addresses', 0, '127.0.0.1:53314: hi\n[::1]:53314: hi\nclient 7: hi\n* client 7 waves\n*client 7* x\n*** you are client 7\n'),
        ('plain-lookalikes', 0, 'Note that: x\n***\n***bold\n* \n* bob\n*really*\n/who: x\n*x: hi\n-> ** x\n: hi\n** x\n'),
        ('controls', 0, '\x1b[2J\x1b[31mred\r\nbob: a\x00b\x7f\n*** \u202eevil\n\u2028x: y\u2029\n\xc2\x9b2J\n'),
        ('invalid-utf8', 0, b'bob: \xff\xfe\n\xe4\xbd: x\n*** you are \xc0\xaf\n'),
        ('gbk', 1, b'\xd0\xa1\xc3\xf7: \xc4\xe3\xba\xc3\n*** you are \xd0\xa1\xc3\xf7\n'),
        ('unfinished', 0, 'bob: a\nbob: no end'),
        ('long-line', 3, 'x' * 3000 + '\nbob: after\n')]:
    write('chatline', name, bytes([control, 7]) + (text if isinstance(text, bytes) else text.encode('utf-8')))
# --- macros: byte 0 bit 0 hex mode, bit 1 captures allowed, bits 2-3 the encoding; then the template ---
for name, control, text in [
        ('text-escapes', 0, 'A\\r\\n\\t\\0\\x41\\\\ \\{{ \\$'),
        ('counter', 0, '#{{counter}} {{counter:start=7,step=-3,width=4,name=b}}'),
        ('clock', 0, '{{date}} {{time}} {{date:yyyyMMdd}} {{time:HH:mm:ss.zzz}} {{unixtime}}'),
        ('random-hex', 0, '{{random:100}}{{hex:00 FF 0d0a}}'),
        ('file-parsed', 0, '{{file:/nonexistent}}'),
        ('hex-mode', 1, '01 03 0x0A,ff {{counter}} \\r'),
        ('captures', 2, 'PONG \\1 ${first} ${0} ${2}'),
        ('gbk', 4, '\u4f60\u597d{{hex:0d}}'),
        ('latin1-refused', 12, '\u4f60'),
        ('unclosed', 0, 'ab{{counter'),
        ('bad-escape', 0, '\\q'),
        ('odd-hex', 1, '01 0')]:
    write('macros', name, bytes([control]) + text.encode())

# --- rules: byte 0 picks a rules file (0), a --reply spec line and a message (1), or a hex pattern
# line and a message (2) ---
write('rules', 'file', b'\x00' + b"""{"version": 1, "mode": "all", "encoding": "UTF-8", "framing": "line", "rules": [
 {"name": "ping", "match": "regex", "pattern": "^PING (?<n>\\\\d+)$", "reply": "PONG ${n} \\\\1\\\\n", "maxFires": 3},
 {"match": "hex", "pattern": "01 03 ?? ?? *", "reply": "01 83 02", "replyFormat": "hex", "to": "all", "delayMs": 100},
 {"match": "contains", "pattern": "PING", "reply": "{{counter}}", "caseInsensitive": true, "enabled": false}]}""")
write('rules', 'file-bad-rule', b'\x00{"rules": [{"match": "exact", "pattern": "a", "reply": "b"}, {"match": "hex", "pattern": "0", "reply": "b"}]}')
write('rules', 'file-bad-json', b'\x00{"rules": [')
write('rules', 'spec-regex', b'\x01regex:^PING (\\d+)$=>PONG \\1\nPING 42')
write('rules', 'spec-hex-reply', b'\x01starts:AT+=>hex:4F 4B 0D 0A\nAT+GMR')
write('rules', 'spec-no-arrow', b'\x01exact:PING\nPING')
write('rules', 'hex-wildcards', b'\x0201 03 ?? ?? 00 0A\n\x01\x03\x12\x34\x00\x0a')
write('rules', 'hex-open', b'\x0201 ?? *\n\x01\x02\x03')
write('rules', 'hex-bad', b'\x0201 ? 02\n\x01')

print('seeds written under', os.path.join(HERE, 'corpus'))

# --- lab: a lab file (core/lab/labspec.h, docs/LABS.md) as a teacher writes it ---
def lab_file(steps, kind='tcpServer', version=1, **extra):
    top = {'format': 'socketeer-lab', 'version': version, 'title': {'en': 'Echo', 'zh_CN': '回显'},
           'target': {'kind': kind, 'port': 50007}, 'steps': list(steps)}
    top.update(extra)
    return _json.dumps(top, ensure_ascii=False, indent=1)
for name, data in [
        ('echo', lab_file([{'type': 'connect', 'hint': {'en': 'listen?', 'zh_CN': '监听？'}},
                           {'type': 'send', 'text': 'hello {{counter}}\\n'}, {'type': 'expect', 'echo': True, 'timeoutMs': 500},
                           {'type': 'send', 'hex': '00 FF {{hex:0A}}'}, {'type': 'expect', 'hex': '00 FF 0A', 'hidden': True},
                           {'type': 'expect', 'regex': '^A+$', 'caseInsensitive': True, 'points': 3},
                           {'type': 'connect', 'connection': 'b'}, {'type': 'send', 'connection': 'b', 'file': 'x.bin'},
                           {'type': 'expect', 'connection': 'b', 'contains': '你', 'encoding': 'GBK'},
                           {'type': 'expectClose', 'connection': 'b'}, {'type': 'close'}], encoding='UTF-8', description='d')),
        ('threaded', lab_file([{'type': 'concurrent', 'clients': 5, 'send': 'c {{counter}}\\n', 'echo': True}])),
        ('client', lab_file([{'type': 'listen', 'port': 0, 'timeoutMs': 60000}, {'type': 'expect', 'exact': 'hi'},
                             {'type': 'expectClose'}], kind='tcpClient')),
        ('udp', lab_file([{'type': 'udpSend', 'text': 'x'}, {'type': 'udpExpect', 'exact': 'x'}], kind='udpServer')),
        ('mail', lab_file([{'type': 'inbox'}, {'type': 'expectMail', 'headers': {'Subject': '作业'}, 'attachment': '报告.txt'}],
                          kind='mailSender')),
        ('bad-regex', lab_file([{'type': 'connect'}, {'type': 'expect', 'regex': '(?<'}])),
        ('unopened', lab_file([{'type': 'send', 'connection': 'z', 'text': 'x'}])),
        ('wrong-target', lab_file([{'type': 'udpSend', 'text': 'x'}])),
        ('numbers', lab_file([{'type': 'connect', 'timeoutMs': 1e300, 'points': -0.5}])),
        ('newer', lab_file([], version=2)),
        ('syntax', '{"format": "socketeer-lab", "version": 1, "steps": [{"type": "connect",}]}')]:
    write('lab', name, data)

# --- mailsearch: the inbox's search field (core/mail/mailsearch.h), as typed into the panel or
# given to socketeer inbox list --search ---
for name, text in [
        ('free', 'invoice report'), ('phrase', '"two words" -"not these"'),
        ('keys', 'from:wang@example.com to:zhang subject:月度 has:attachment'),
        ('dates-sizes', 'after:2026-12-01 before:2027-01-01 larger:10K smaller:2M'),
        ('negated', '-from:bot -has:attachment -spam --x -'), ('quoted-values', 'subject:"monthly report" from:"王 大锤'),
        ('bad', 'after:tomorrow larger:lots has:wings from:'), ('unknown-prefix', 're: http://x FROM:Y')]:
    write('mailsearch', name, text)
