# Writes the corpus of real-world oddities the inbox must read (tests/tst_cliinboxcorpus.cpp):
# each NAME.eml here is a message as some mail program really sends it, written byte for byte
# (CRLF line ends; 8-bit bytes where the sender put them). Run again after editing:
#   /usr/bin/python3 tests/data/mail-oddities/make_oddities.py
import base64
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, text):
    data = text.encode('utf-8') if isinstance(text, str) else text
    data = data.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
    with open(os.path.join(HERE, name + '.eml'), 'wb') as f:
        f.write(data)


b64 = lambda s: base64.b64encode(s.encode('utf-8')).decode('ascii')

# RFC 2047 words split across folded lines (Outlook, QQ Mail): adjacent encoded words join with
# no space; UTF-8 and GB2312, B and Q, in Subject and in a display name.
write('rfc2047-split', f"""From: =?UTF-8?B?{b64('王大')}?=
 =?UTF-8?B?{b64('锤')}?= <wang@example.com>
To: =?gb2312?Q?=D5=C5=C8=FD?= <zhang@example.com>, "Li, Si" <li@example.org>
Subject: =?UTF-8?B?{b64('月度汇总：')}?=
 =?UTF-8?Q?Q4_report?= =?gb2312?B?{base64.b64encode('附件'.encode('gb2312')).decode()}?=
Date: Fri, 04 Dec 2026 09:15:02 +0800
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

见附件。
""")

# RFC 2231 file names: a continued, percent-encoded UTF-8 filename*, beside an RFC 2047 name= in
# quotes (which RFC 2047 does not allow, and everyone writes); a language tag.
write('rfc2231-filename', """From: a@example.com
To: b@example.com
Subject: RFC 2231 names
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XX"

--XX
Content-Type: text/plain; charset=us-ascii

two attachments
--XX
Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;
 name="=?UTF-8?B?5rGH5oC75pWw5o2uLnhsc3g=?="
Content-Disposition: attachment;
 filename*0*=UTF-8''%E6%B1%87%E6%80%BB;
 filename*1*=%E6%95%B0%E6%8D%AE.xlsx
Content-Transfer-Encoding: base64

UEsDBAo=
--XX
Content-Type: application/pdf
Content-Disposition: attachment; filename*=iso-8859-1'fr'r%E9sum%E9.pdf
Content-Transfer-Encoding: base64

JVBERi0=
--XX--
""")

# Broken encodings: bad base64 in an encoded word, an unknown charset, a Latin-1 byte in a header
# that claims nothing, a word missing its closing ?=.
write('broken-encoding', b"""From: =?UTF-8?B?not*base64?= <x@example.com>
To: =?x-unknown?Q?abc?= <y@example.com>
Subject: caf\xe9 =?UTF-8?Q?na=C3=AFve?= =?UTF-8?B?broken
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

caf=C3=A9 =
soft break=ZZ bad escape
""")

# A multipart that names no boundary, and one whose closing delimiter never comes.
write('missing-boundary', """From: a@example.com
To: b@example.com
Subject: no boundary
MIME-Version: 1.0
Content-Type: multipart/mixed

--XX
Content-Type: text/plain

lost in the preamble
--XX--
""")
write('unclosed-boundary', """From: a@example.com
To: b@example.com
Subject: unclosed boundary
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="B1"

--B1
Content-Type: text/plain; charset=utf-8

first part
--B1
Content-Type: text/plain; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"

the message ends inside this part
""")

# A forward with the original attached as message/rfc822, itself multipart/alternative and with an
# attachment: the inner headers are encoded too.
write('nested-forward', f"""From: Fwd Er <fwd@example.com>
To: boss@example.com
Subject: Fwd: =?UTF-8?B?{b64('原始邮件')}?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: text/plain; charset=utf-8

See below.
--outer
Content-Type: message/rfc822
Content-Disposition: inline

From: =?UTF-8?B?{b64('张三')}?= <zhang@example.com>
To: fwd@example.com
Subject: =?UTF-8?B?{b64('原始邮件')}?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="inner"

--inner
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

plain
--alt
Content-Type: text/html; charset=utf-8

<p>html</p>
--alt--
--inner
Content-Type: text/csv; name="=?UTF-8?B?{b64('数据.csv')}?="
Content-Disposition: attachment; filename="=?UTF-8?B?{b64('数据.csv')}?="

a,b
--inner--
--outer--
""")

# 8-bit headers: raw UTF-8 in Subject, a display name and a file name (RFC 6532 allows the first
# two under SMTPUTF8; many programs send all three regardless).
write('8bit-headers', """From: 王大锤 <wang@example.com>
To: 张三 <zhang@example.com>
Subject: 月度汇总 – Q4
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

正文
--b
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="报告 final.pdf"
Content-Transfer-Encoding: base64

JVBERi0=
--b--
""")

# Raw GB18030 (GBK) bytes in a header, as Chinese mail programs of the 2000s sent them.
write('gbk-raw-header', '''From: a@example.com
To: b@example.com
Subject: '''.encode('ascii') + '测试邮件'.encode('gb18030') + b'''
MIME-Version: 1.0
Content-Type: text/plain; charset=gbk
Content-Transfer-Encoding: 8bit

''' + '正文'.encode('gb18030') + b'\n')

# Hostile attachment names: paths, dot-dot, a right-to-left override.
write('hostile-names', """From: a@example.com
To: b@example.com
Subject: hostile names
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="h"

--h
Content-Type: text/plain

names
--h
Content-Type: text/plain
Content-Disposition: attachment; filename="../../../../tmp/evil.sh"

one
--h
Content-Type: text/plain
Content-Disposition: attachment; filename="/etc/passwd"

two
--h
Content-Type: application/pdf
Content-Disposition: attachment; filename=".."

three
--h
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="invoice\u202efdp.exe"

four
--h
Content-Type: text/plain
Content-Disposition: attachment; filename="..\\\\..\\\\win.ini"

five
--h--
""")
