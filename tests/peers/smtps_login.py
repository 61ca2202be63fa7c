# Logs in and sends one message over implicit TLS (SMTPS, port 465 style) the way Python's smtplib
# documentation shows it: SMTP_SSL with a default context that trusts CAFILE, so the certificate
# and the host name are verified. Usage: smtps_login.py HOST PORT CAFILE USER PASSWORD
# Prints "sent VERSION CIPHER" when the message was accepted; "refused CODE TEXT" and exit
# status 1 when the server said no.
import smtplib
import ssl
import sys
from email.message import EmailMessage

host, port, cafile, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]

msg = EmailMessage()
msg['From'] = '王大锤 <student@example.com>'
msg['To'] = 'teacher@example.com'
msg['Subject'] = '经隐式 TLS 发送'
msg.set_content('老师好，这封信从握手开始就是加密的。\n')

context = ssl.create_default_context(cafile=cafile)
try:
    with smtplib.SMTP_SSL(host, port, context=context, timeout=60) as server:
        server.login(user, password)
        server.send_message(msg)
        version, cipher = server.sock.version(), server.sock.cipher()[0]
except smtplib.SMTPResponseException as e:
    print('refused', e.smtp_code, e.smtp_error.decode(errors='replace'))
    sys.exit(1)
print('sent', version, cipher)
