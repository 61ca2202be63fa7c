# The tutorial's way of sending a mail with an attachment (its second smtplib example), pointed
# at a local server: the whole file read into memory, base64-encoded by email.mime, the whole
# message built as one string, then sendmail(). Only the server, the file and the names differ.
#   tutorial_mail.py PORT FILE
import sys
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from smtplib import SMTP


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    message = MIMEMultipart()
    text_content = MIMEText('附件中有本月数据请查收', 'plain', 'utf-8')
    message['Subject'] = Header('本月数据', 'utf-8')
    message.attach(text_content)
    with open(path, 'rb') as f:
        xls = MIMEText(f.read(), 'base64', 'utf-8')
        xls['Content-Type'] = 'application/vnd.ms-excel'
        xls['Content-Disposition'] = 'attachment; filename=month-data.xlsx'
        message.attach(xls)
    smtper = SMTP('127.0.0.1', port)
    sender = 'abcdefg@126.com'
    receivers = ['uvwxyz@qq.com']
    smtper.sendmail(sender, receivers, message.as_string())
    smtper.quit()


if __name__ == '__main__':
    main()
