# Sends one message file exactly as it is, with Python's smtplib: for messages no polite mail
# program would build (hostile attachment names, HTML where text belongs).
# Usage: smtp_send_raw.py HOST PORT FILE.eml [FROM [TO]]   prints "sent" once the server took it.
import smtplib
import sys

host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sender = sys.argv[4] if len(sys.argv) > 4 else 'sender@example.com'
recipient = sys.argv[5] if len(sys.argv) > 5 else 'reader@example.com'
with open(path, 'rb') as f:
    message = f.read()
with smtplib.SMTP(host, port, timeout=30) as client:
    client.sendmail(sender, [recipient], message)
print('sent', flush=True)
