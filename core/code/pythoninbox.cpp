// The inbox in Python: an SMTP receiver on plain sockets (smtpd is deprecated and gone in 3.12,
// aiosmtpd is not in the standard library, and the point is to see the dialogue): a thread per
// client, lines read through a buffer of our own, 220/EHLO/MAIL/RCPT/DATA/QUIT with their error
// replies, a line and a message size limit, and each message saved whole under a name the program
// makes, never one a client sent. STARTTLS with the ssl module when the settings have TLS.

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

void pythonInbox(const CodeSettings &s, ProgramText &p)
{
    p.add(u"#!/usr/bin/env python3\n# @TITLE@\nimport os\nimport socket\n");
    if (s.tls)
        p.add(u"import ssl\n");
    p.add(uR"(import threading
import time

HOST = @HOST@    # the address to listen on: '0.0.0.0' or '::' is every interface
PORT = @PORT@    # 0: any free port (the one bound is printed)
FOLDER = @FOLDER@    # each message is saved here as NAME.eml, NAME made by this program
HOSTNAME = 'localhost'    # how the server names itself in its replies
BUFSIZ = 4096
MAX_LINE = 1000    # RFC 5321: a line is at most 1000 bytes with its CR LF
MAX_MESSAGE = @MAX_MESSAGE@    # bytes; a larger message is refused with 552
MAX_RECIPIENTS = 100
TIMEOUT = @TIMEOUT@    # seconds a client may stay silent before it is sent away with 421
)");
    if (s.tls)
        p.add(uR"(CERTFILE = @CERTFILE@    # this server's certificate (and its chain), PEM
KEYFILE = @KEYFILE@    # its private key, PEM
)");
    p.add(uR"(
print_lock = threading.Lock()    # one line at a time on the terminal, whichever thread prints
name_lock = threading.Lock()
stored = 0    # messages stored so far: part of each file's name
)");
    if (s.tls)
        p.add(u"context = None    # the TLS settings STARTTLS uses, made in main()\n");
    p.add(uR"(

def say(*words):
    with print_lock:
        print(*words, flush=True)


class LineTooLong(Exception):
    pass


class Client:
    """One connection: its socket, and the bytes received that are not read as lines yet."""

    def __init__(self, link, addr):
        self.link = link
        self.addr = addr
        self.buffer = b''
)");
    if (s.tls)
        p.add(u"        self.encrypted = False\n");
    p.add(uR"(
    def reply(self, text):
        # sendall: send() may take only part of the bytes. SMTP's replies end in CR LF.
        self.link.sendall(text.encode('utf-8') + b'\r\n')    $$send

    def read_line(self):
        """The next line without its line end, as bytes; None when the client has closed.
        TCP keeps no lines: one recv() may hold half a line, or many, so bytes wait in a buffer."""
        while True:
            end = self.buffer.find(b'\n')
            if end >= 0:
                if end + 1 > MAX_LINE:
                    raise LineTooLong()
                line, self.buffer = self.buffer[:end], self.buffer[end + 1:]
                return line[:-1] if line.endswith(b'\r') else line
            if len(self.buffer) >= MAX_LINE:    # no line end within the limit: never an ever-growing buffer
                raise LineTooLong()
            data = self.link.recv(BUFSIZ)    $$recv
            if not data:    # b'': the client closed its side
                return None
            self.buffer += data


def parse_path(argument, prefix):
    """'FROM:<a@example.com> SIZE=123' -> ('a@example.com', ['SIZE=123']); (None, []) if not so written."""
    if not argument.upper().startswith(prefix):
        return None, []
    rest = argument[len(prefix):].strip()
    end = rest.find('>')
    if not rest.startswith('<') or end < 0:
        return None, []
    address = rest[1:end]
    if not address.isprintable():    # control characters would reach the terminal and the file
        return None, []
    return address, rest[end + 1:].split()


def too_big(parameters):
    """MAIL FROM's SIZE=, the size the client says its message has (RFC 1870)."""
    for parameter in parameters:
        name, _, value = parameter.partition('=')
        if name.upper() == 'SIZE' and value.isdigit() and int(value) > MAX_MESSAGE:
            return True
    return False


def read_message(client):
    """The lines after DATA up to the one that is only '.', with each line's doubled first dot made
    single again. None if it was too big (it is read to its end all the same, so the dialogue goes on).
    A client that goes before the '.' raises ConnectionError: nothing of its message is kept."""
    lines = []
    size = 0
    while True:
        line = client.read_line()
        if line is None:
            raise ConnectionError('the client closed in the middle of a message: nothing stored')
        if line == b'.':
            return b''.join(lines) if size <= MAX_MESSAGE else None
        if line.startswith(b'.'):
            line = line[1:]    # dot-stuffing: the client doubled a first '.' so that it is not the end
        size += len(line) + 2
        if size <= MAX_MESSAGE:
            lines.append(line + b'\r\n')


def save(message):
    """Saves a whole message; returns its file name. The name is made here (time, process, count),
    never taken from the client: no name a client sends can reach outside FOLDER."""
    global stored
    with name_lock:
        stored += 1
        name = '%s-%d-%04d.eml' % (time.strftime('%Y%m%d-%H%M%S'), os.getpid(), stored)
    path = os.path.join(FOLDER, name)
    # Written under another name first and renamed when whole: nobody ever sees half a message.
    # O_EXCL: never over a file that is there; 0o600: for this user only.
    fd = os.open(path + '.part', os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, 'wb') as f:
            f.write(message)
        os.rename(path + '.part', path)
    except OSError:
        os.unlink(path + '.part')
        raise
    return name


def session(client):
    """The SMTP dialogue with one client (RFC 5321), until QUIT or until it goes."""
    client.reply('220 %s ESMTP ready' % HOSTNAME)
    greeted = False
    sender = None    # MAIL FROM's address; None: no mail transaction open
    recipients = []
    while True:
        line = client.read_line()
        if line is None:
            return    # gone without QUIT
        verb, _, argument = line.decode('utf-8', errors='replace').partition(' ')
        verb = verb.upper()
        if verb in ('EHLO', 'HELO'):
            greeted, sender, recipients = True, None, []
            if verb == 'HELO':
                client.reply('250 %s' % HOSTNAME)
                continue
            extensions = ['8BITMIME', 'SIZE %d' % MAX_MESSAGE]
)");
    if (s.tls)
        p.add(uR"(            if not client.encrypted:
                extensions.append('STARTTLS')
)");
    p.add(uR"(            client.reply('250-%s at your service' % HOSTNAME)
            for extension in extensions[:-1]:
                client.reply('250-' + extension)    # '-': more lines of this reply follow
            client.reply('250 ' + extensions[-1])
)");
    if (s.tls)
        p.add(uR"(        elif verb == 'STARTTLS':
            if client.encrypted:
                client.reply('503 5.5.1 TLS is on already')
                continue
            client.reply('220 2.0.0 Ready to start TLS')
            # The handshake; from here on every byte is encrypted.
            client.link = context.wrap_socket(client.link, server_side=True)
            client.buffer = b''    # bytes sent before the handshake are not trusted after it (RFC 3207)
            client.encrypted = True
            greeted, sender, recipients = False, None, []    # the client says EHLO again
)");
    p.add(uR"(        elif verb == 'MAIL':
            address, parameters = parse_path(argument, 'FROM:')
            if not greeted:
                client.reply('503 5.5.1 Say EHLO or HELO first')
            elif sender is not None:
                client.reply('503 5.5.1 A mail is under way already: RSET first')
            elif address is None:
                client.reply('501 5.5.4 Syntax: MAIL FROM:<address>')
            elif too_big(parameters):
                client.reply('552 5.3.4 Message too big: the limit is %d bytes' % MAX_MESSAGE)
            else:
                sender = address
                client.reply('250 2.1.0 OK')
        elif verb == 'RCPT':
            address, parameters = parse_path(argument, 'TO:')
            if sender is None:
                client.reply('503 5.5.1 MAIL FROM first')
            elif not address:
                client.reply('501 5.5.4 Syntax: RCPT TO:<address>')
            elif len(recipients) >= MAX_RECIPIENTS:
                client.reply('452 4.5.3 Too many recipients')
            else:
                recipients.append(address)
                client.reply('250 2.1.5 OK')
        elif verb == 'DATA':
            if not recipients:
                client.reply('503 5.5.1 RCPT TO first')
                continue
            client.reply('354 End data with <CR><LF>.<CR><LF>')
            message = read_message(client)
            if message is None:
                client.reply('552 5.3.4 Message too big: the limit is %d bytes' % MAX_MESSAGE)
            else:
                try:
                    name = save(message)
                except OSError as error:
                    say('Could not store a message from', client.addr, ':', error)
                    client.reply('451 4.3.0 Could not store the message')
                else:
                    say('received %s from <%s> to <%s> (%d bytes)' % (name, sender, '>, <'.join(recipients), len(message)))
                    client.reply('250 2.0.0 OK: stored as %s' % name)
            sender, recipients = None, []
        elif verb == 'RSET':
            sender, recipients = None, []
            client.reply('250 2.0.0 OK')
        elif verb == 'NOOP':
            client.reply('250 2.0.0 OK')
        elif verb == 'QUIT':
            client.reply('221 2.0.0 Bye')
            return
        else:
            client.reply('500 5.5.2 Command not recognized')


def goodbye(client, text, gently):
    """A last reply before closing; a client that is gone already cannot get it. Gently: the client
    may still be sending, and closing with its bytes unread would reset the connection (RST), which
    can throw the reply away before the client reads it. So "no more from me" (shutdown), and what
    still comes is read and dropped until the client closes too (at most MAX_MESSAGE bytes)."""
    try:
        client.reply(text)
        if not gently:
            return
        client.link.shutdown(socket.SHUT_WR)
        dropped = 0
        while dropped <= MAX_MESSAGE:
            data = client.link.recv(BUFSIZ)
            if not data:
                break
            dropped += len(data)
    except OSError:
        pass


def link_handler(link, addr):
    """Serves one client on a thread of its own: the other clients go on meanwhile."""
    say('Connected by', addr)
    link.settimeout(TIMEOUT)    # recv() raises TimeoutError after TIMEOUT seconds of silence
    client = Client(link, addr)
    try:
        session(client)
    except LineTooLong:
        goodbye(client, '500 5.5.0 Line too long: the limit is %d bytes' % MAX_LINE, gently=True)
    except TimeoutError:
        goodbye(client, '421 4.4.2 %s Silent for too long: closing' % HOSTNAME, gently=False)    # it sends nothing
    except OSError as error:    # the connection failed, or closed in the middle of a message
        say('Closing', addr, ':', error)
    finally:
        client.link.close()    # (after STARTTLS it is the TLS socket) $$close
    say('Disconnected', addr)


def main():
)");
    if (s.tls)
        p.add(uR"(    global context
    # STARTTLS: clients verify this certificate; the server does not ask them for one.
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERTFILE, KEYFILE)
)");
    p.add(uR"(    os.makedirs(FOLDER, mode=0o700, exist_ok=True)    # the messages are for this user only
    with socket.socket(@FAMILY@, socket.SOCK_STREAM) as s:    $$socket,close
        # A restarted server may bind the port again at once, while old connections linger in TIME_WAIT.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)    $$setsockopt
        s.bind((HOST, PORT))    $$bind
        s.listen()    $$listen
        host, port = s.getsockname()[:2]    # the port really bound, if PORT was 0
        say('listening on', host, port)
        say('storing messages in', os.path.abspath(FOLDER))
        while True:
            conn, addr = s.accept()    # waits for the next client $$accept
            # One thread per client; daemon: Ctrl+C stops the server without waiting for them.
            threading.Thread(target=link_handler, args=(conn, addr), daemon=True).start()


if __name__ == '__main__':
    try:
        main()
    except KeyboardInterrupt:
        pass
)");
}

} // namespace socketeer::code
