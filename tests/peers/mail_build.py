# Builds a message with Python's own email package, the way the tutorial and today's Python code
# do, and writes it to a file: an independent producer of the mail the inbox must read.
#   mail_build.py tutorial OUT.eml ATTACHMENT...   MIMEMultipart + Header + MIMEText, as the
#       tutorial writes it (compat32), with each attachment named with RFC 2231
#   mail_build.py modern OUT.eml ATTACHMENT...     EmailMessage (policy default): quoted-printable
#       text, an HTML alternative, attachments whose names Python folds as it likes
import mimetypes
import os
import sys
from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, make_msgid

mode, out, attachments = sys.argv[1], sys.argv[2], sys.argv[3:]

if mode == 'tutorial':
    message = MIMEMultipart()
    message['From'] = formataddr((str(Header('王大锤', 'utf-8')), 'wang@example.com'))
    message['To'] = 'luo@example.com, 张三 <zhang@example.com>'
    message['Subject'] = Header('本月数据', 'utf-8')
    message['Date'] = formatdate(localtime=False)
    message['Message-ID'] = make_msgid()
    message.attach(MIMEText('附件中有本月数据请查收', 'plain', 'utf-8'))
    for path in attachments:
        with open(path, 'rb') as f:
            part = MIMEApplication(f.read())
        part.add_header('Content-Disposition', 'attachment', filename=('utf-8', '', os.path.basename(path)))
        message.attach(part)
    data = message.as_bytes()
elif mode == 'modern':
    message = EmailMessage()
    message['From'] = '王大锤 <wang@example.com>'
    message['To'] = 'luo@example.com'
    message['Cc'] = '李四 <li@example.com>'
    message['Subject'] = '月报：' + '数据' * 30
    message['Date'] = formatdate(localtime=True)
    message.set_content('第一行\n.以点开头的一行\nnaïve café — ' + 'x' * 100 + '\n', cte='quoted-printable')
    message.add_alternative('<p>第一行</p>\n', subtype='html')
    for path in attachments:
        kind, _ = mimetypes.guess_type(path)
        maintype, subtype = (kind or 'application/octet-stream').split('/')
        with open(path, 'rb') as f:
            message.add_attachment(f.read(), maintype=maintype, subtype=subtype, filename=os.path.basename(path))
    data = message.as_bytes()
else:
    sys.exit('unknown mode ' + mode)

with open(out, 'wb') as f:
    f.write(data.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n'))
print('written', len(data))
