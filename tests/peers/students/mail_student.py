# A student's answer to the mail-attachment lab, the tutorial's way: email.message.EmailMessage
# builds the message (a Chinese subject, a Chinese-named attachment, RFC 2231), smtplib sends it.
# Usage: mail_student.py HOST PORT [--no-attachment] [--english-subject]
# With --no-attachment it is the wrong answer that forgets add_attachment(); with
# --english-subject the one that names the homework in English. Prints "sent".
import smtplib
import sys
from email.message import EmailMessage

host, port = sys.argv[1], int(sys.argv[2])
msg = EmailMessage()
msg['From'] = '学生 <student@example.com>'
msg['To'] = 'teacher@example.com'
msg['Subject'] = 'Homework 1' if '--english-subject' in sys.argv else '第一次作业'
msg.set_content('老师好，作业在附件里。\n')
if '--no-attachment' not in sys.argv:
    msg.add_attachment('socket() bind() listen() accept()\n'.encode('utf8'), maintype='text', subtype='plain',
                       filename='报告.txt')
with smtplib.SMTP(host, port) as s:
    s.send_message(msg)
print('sent', flush=True)
