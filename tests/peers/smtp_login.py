# Logs in and sends one message the tutorial's way: smtplib connects, says EHLO, login(), then
# send_message(). Usage: smtp_login.py HOST PORT USER PASSWORD [--method PLAIN|LOGIN]
# Without --method, login() picks (PLAIN when the server offers it). Prints "sent" when the
# message was accepted; "refused CODE TEXT" and exit status 1 when the server said no.
import argparse
import smtplib
from email.message import EmailMessage

parser = argparse.ArgumentParser()
parser.add_argument('host')
parser.add_argument('port', type=int)
parser.add_argument('user')
parser.add_argument('password')
parser.add_argument('--method', choices=['PLAIN', 'LOGIN'])
args = parser.parse_args()

msg = EmailMessage()
msg['From'] = '王大锤 <student@example.com>'
msg['To'] = 'teacher@example.com'
msg['Subject'] = '作业'
msg.set_content('老师好，作业在这里。\n')

try:
    with smtplib.SMTP(args.host, args.port, timeout=60) as server:
        server.ehlo()
        if args.method is None:
            server.login(args.user, args.password)
        else:
            # What login() does for one chosen mechanism.
            server.user, server.password = args.user, args.password
            method = server.auth_plain if args.method == 'PLAIN' else server.auth_login
            server.auth(args.method, method, initial_response_ok=args.method == 'PLAIN')
        server.send_message(msg)
    print('sent', flush=True)
except smtplib.SMTPRecipientsRefused as e:
    code, text = next(iter(e.recipients.values()))
    print('refused %d %s' % (code, text.decode('utf-8', 'replace')), flush=True)
    raise SystemExit(1)
except smtplib.SMTPResponseException as e:
    print('refused %d %s' % (e.smtp_code, e.smtp_error.decode('utf-8', 'replace')), flush=True)
    raise SystemExit(1)
