// Mail in Python: the tutorial's smtplib program, its mistakes fixed — STARTTLS (or TLS) with the
// certificate verified, the password from the environment instead of the source, and
// email.message.EmailMessage, which writes Date, Message-ID, encoded Chinese headers and RFC 2231
// attachment names that every mail program reads.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

void pythonMail(const CodeSettings &s, ProgramText &p)
{
    const CodeMailSettings &m = s.mail;
    const bool login = !m.user.isEmpty();
    p.add(u"#!/usr/bin/env python3\n# @TITLE@\n");
    if (!m.hasBody)
        p.add(u"# The body is read from stdin as text: python3 @FILE@ < body.txt\n");
    p.add(uR"(import mimetypes
import os
import smtplib
import ssl
import sys
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

HOST = @HOST@    # the SMTP server
PORT = @PORT@
SENDER = @SENDER@
RECEIVERS = @RECEIVERS@
)");
    if (!m.cc.isEmpty())
        p.add(u"CC = @CC@\n");
    if (!m.bcc.isEmpty())
        p.add(u"BCC = @BCC@    # sent to, but named in no header the others see\n");
    p.add(uR"(SUBJECT = @SUBJECT@
ATTACHMENTS = @ATTACHMENTS@    # files, read when the mail is sent
CAFILE = @CAFILE@    # None: trust the system's certificate authorities only
)");
    if (m.hasBody)
        p.add(u"BODY = @BODY@\n");
    if (login)
        p.add(uR"(USER = @USER@
PASSWORD_ENV = @PASSWORD_ENV@    # the password (or authorization code) is read from this environment variable
)");
    p.add(uR"(

def build_message():
    message = EmailMessage()
    message['From'] = SENDER
    if RECEIVERS:
        message['To'] = ', '.join(RECEIVERS)
)");
    if (!m.cc.isEmpty())
        p.add(u"    message['Cc'] = ', '.join(CC)\n");
    if (!m.bcc.isEmpty())
        p.add(u"    # send_message() sends to Bcc too, and takes the header out of what it sends.\n"
              u"    message['Bcc'] = ', '.join(BCC)\n");
    p.add(uR"(    message['Subject'] = SUBJECT
    message['Date'] = formatdate(localtime=True)
    message['Message-ID'] = make_msgid()
)");
    p.add(m.hasBody ? u"    message.set_content(BODY)\n" : u"    message.set_content(sys.stdin.read())\n");
    p.add(uR"(    for path in ATTACHMENTS:
        ctype, encoding = mimetypes.guess_type(path)
        if ctype is None or encoding is not None:
            ctype = 'application/octet-stream'
        maintype, subtype = ctype.split('/', 1)
        with open(path, 'rb') as f:
            # A Chinese file name is written as RFC 2231 (filename*=utf-8''...), not garbled.
            message.add_attachment(f.read(), maintype=maintype, subtype=subtype,
                                   filename=os.path.basename(path))
    return message


def main():
    message = build_message()
    # Verifies the server's certificate and that it is for HOST.
    context = ssl.create_default_context(cafile=CAFILE)
)");
    if (m.security == CodeMailSecurity::Tls)
        p.add(u"    with smtplib.SMTP_SSL(HOST, PORT, context=context) as smtp:    # TLS from the first byte $$socket,connect,close\n");
    else
        p.add(u"    with smtplib.SMTP(HOST, PORT) as smtp:    $$socket,connect,close\n");
    if (m.security == CodeMailSecurity::StartTls)
        p.add(u"        smtp.starttls(context=context)    # from here on the dialogue is encrypted\n");
    if (login)
        p.add(u"        smtp.login(USER, os.environ[PASSWORD_ENV])\n");
    p.add(uR"(        smtp.send_message(message)    # MAIL FROM, RCPT TO each receiver, DATA $$send
    print('Sent', message['Message-ID'], flush=True)


if __name__ == '__main__':
    main()
)");
}

} // namespace socketeer::code
