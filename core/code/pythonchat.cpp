// The chat room in Python (docs/CHAT.md without nicknames): every line a client sends goes to all
// the others as "NAME: TEXT", NAME its address, with "*** NAME joined" / "*** NAME left". One
// thread per client (threading, a lock around the room) or one thread for all (selectors).

#include "generators.h"
#include "programtext.h"

namespace socketeer::code {

namespace {

void header(const CodeSettings &s, ProgramText &p)
{
    const bool threads = s.model == ServerModel::ThreadPerClient;
    p.add(u"#!/usr/bin/env python3\n# @TITLE@\n");
    p.add(threads ? u"import socket\nimport threading\n" : u"import selectors\nimport socket\n");
    p.add(uR"(
HOST = @HOST@    # the address to listen on: '0.0.0.0' or '::' is every interface
PORT = @PORT@    # 0: any free port (the one bound is printed)
BUFSIZ = 4096
ENCODING = @ENCODING@    # how the room is shown on this screen; lines are relayed as the bytes that came
MAX_LINE = @CHAT_MAX_LINE@    # a longer line is refused, not relayed (and not an ever-growing buffer)
TOO_LONG = b'*** line too long (more than %d bytes): not relayed\n' % MAX_LINE
# What a line may carry on to the others' terminals: control characters but TAB become '?', so
# nobody can paint over another line or change its colours.
VISIBLE = bytes(c if c >= 0x20 and c != 0x7f or c == 0x09 else ord('?') for c in range(256))
)");
    if (!threads)
        p.add(u"MAX_OUTBOX = 1024 * 1024    # a client that reads nothing is disconnected once this much waits for it\n");
    p.add(threads ? uR"(
members = []    # the Client of everyone in the room, shared by every client's thread
# Held while members is read or changed, and while a line goes out: two lines never mix on one
# socket. (A client that never reads holds everyone up here once its buffer is full: Socketeer
# disconnects such a client, and so does the event-loop model of this program.)
lock = threading.Lock()
)"
                  : uR"(
sel = selectors.DefaultSelector()
members = []    # the Client of everyone in the room, in the order they came
)");
    p.add(uR"(

class Client:
    """One member: its socket, its name, and the start of a line whose end has not come yet."""

    def __init__(self, sock, addr):
        self.sock = sock
        host, port = addr[:2]
        # The name the others see: its address, as Socketeer's chat room names a client.
        self.name = (('[%s]:%d' if ':' in host else '%s:%d') % (host, port)).encode('ascii')
        self.inbox = b''
        self.skipping = False    # the rest of a line too long is dropped, up to its end
)");
    if (!threads)
        p.add(uR"(        self.outbox = b''    # bytes waiting to go out to it
        self.closed = False
)");
}

// Lines out of the stream, and what one line does: shared by both models (tell and say differ).
void lines(ProgramText &p)
{
    p.add(uR"(

def take_lines(client, data):
    """TCP keeps no message boundaries: one recv() may hold part of a line, or several lines.
    Returns the whole lines that came (without their line end) and keeps the start of the next."""
    *lines, client.inbox = (client.inbox + data).split(b'\n')
    whole = []
    for line in lines:
        if client.skipping:    # the end of a line too long, refused already
            client.skipping = False
        elif len(line) > MAX_LINE:
            tell(client, TOO_LONG)
        else:
            whole.append(line.removesuffix(b'\r'))    # a CR LF line end counts too
    if len(client.inbox) > MAX_LINE:
        if not client.skipping:
            tell(client, TOO_LONG)
        client.skipping = True
        client.inbox = b''
    return whole


def relay(client, line):
    """One whole line from a client: said to the room, the sender's name first."""
    if line.strip(b' \t'):    # an empty line (someone pressing Enter) is nothing to tell the others
        say(client, client.name + b': ' + line.translate(VISIBLE) + b'\n')
)");
}

void threadPerClient(ProgramText &p)
{
    p.add(uR"(

def tell(client, data):
    """Sends data to one client."""
    with lock:
        client.sock.sendall(data)    # sendall: send() may take only part of the bytes $$send


def say(sender, line):
    """Sends line to everyone in the room but its sender: nobody hears its own lines back."""
    with lock:
        print(line.decode(ENCODING, errors='replace'), end='', flush=True)
        for client in members:
            if client is not sender:
                try:
                    client.sock.sendall(line)    $$send
                except OSError:
                    pass    # that client's own thread finds its connection broken, and says it left
)");
    lines(p);
    p.add(uR"(

def link_handler(link, addr):
    """Serves one member on a thread of its own, from joining the room to leaving it."""
    client = Client(link, addr)
    with link:    # closes the connection however the loop ends $$close
        try:
            with lock:
                members.append(client)
                link.sendall(b'*** you are ' + client.name + b'\n')    $$send
            say(client, b'*** ' + client.name + b' joined\n')
            while True:
                data = link.recv(BUFSIZ)    $$recv
                if not data:    # b'': the client closed its side
                    break
                for line in take_lines(client, data):
                    relay(client, line)
        except OSError as error:
            print('Closing', client.name.decode(), ':', error, flush=True)
        finally:
            with lock:
                members.remove(client)
    if client.inbox and not client.skipping:    # a last line without its line end is still said
        relay(client, client.inbox.removesuffix(b'\r'))
    say(client, b'*** ' + client.name + b' left\n')


def main():
    with socket.socket(@FAMILY@, socket.SOCK_STREAM) as s:    $$socket,close
        # A restarted server may bind the port again at once, while old connections linger in TIME_WAIT.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)    $$setsockopt
        s.bind((HOST, PORT))    $$bind
        s.listen()    $$listen
        host, port = s.getsockname()[:2]    # the port really bound, if PORT was 0
        print('listening on', host, port, flush=True)
        while True:
            conn, addr = s.accept()    # waits for the next client $$accept
            # One thread per client; daemon: Ctrl+C stops the server without waiting for them.
            threading.Thread(target=link_handler, args=(conn, addr), daemon=True).start()
)");
}

void eventLoop(ProgramText &p)
{
    p.add(uR"(

def tell(client, data):
    """Queues data for one client: the loop never waits for a client, the socket takes it when it can."""
    if client.closed:
        return
    client.outbox += data
    if len(client.outbox) > MAX_OUTBOX:
        leave(client, 'it reads nothing')    # it would hold the room back
    else:
        write(client)


def say(sender, line):
    """Sends line to everyone in the room but its sender: nobody hears its own lines back."""
    print(line.decode(ENCODING, errors='replace'), end='', flush=True)
    for client in list(members):    # a copy: a client that fails leaves meanwhile
        if client is not sender:
            tell(client, line)


def write(client):
    """Sends what the socket takes now; the rest waits for EVENT_WRITE."""
    try:
        sent = client.sock.send(client.outbox)    $$send
    except BlockingIOError:
        sent = 0
    except OSError as error:
        leave(client, error)
        return
    client.outbox = client.outbox[sent:]
    # Ask for EVENT_WRITE only while bytes wait.
    sel.modify(client.sock, selectors.EVENT_READ | (selectors.EVENT_WRITE if client.outbox else 0), client)


def leave(client, why=''):
    if client.closed:
        return
    client.closed = True
    members.remove(client)
    sel.unregister(client.sock)
    client.sock.close()    $$close
    if why:
        print('Closing', client.name.decode(), ':', why, flush=True)
    if client.inbox and not client.skipping:    # a last line without its line end is still said
        relay(client, client.inbox.removesuffix(b'\r'))
    say(client, b'*** ' + client.name + b' left\n')
)");
    lines(p);
    p.add(uR"(

def accept(s):
    conn, addr = s.accept()    $$accept
    conn.setblocking(False)    # the loop must never wait on one client
    client = Client(conn, addr)
    sel.register(conn, selectors.EVENT_READ, client)
    members.append(client)
    tell(client, b'*** you are ' + client.name + b'\n')
    say(client, b'*** ' + client.name + b' joined\n')


def read(client):
    try:
        data = client.sock.recv(BUFSIZ)    $$recv
    except BlockingIOError:
        return
    except OSError as error:
        leave(client, error)
        return
    if not data:    # b'': the client closed its side
        leave(client)
        return
    for line in take_lines(client, data):
        if client.closed:
            return
        relay(client, line)


def main():
    with socket.socket(@FAMILY@, socket.SOCK_STREAM) as s:    $$socket,close
        # A restarted server may bind the port again at once, while old connections linger in TIME_WAIT.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)    $$setsockopt
        s.bind((HOST, PORT))    $$bind
        s.listen()    $$listen
        host, port = s.getsockname()[:2]    # the port really bound, if PORT was 0
        print('listening on', host, port, flush=True)
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, None)
        while True:
            # One thread waits for every socket at once: whichever is ready is served, in turn.
            for key, mask in sel.select():
                if key.data is None:
                    accept(key.fileobj)
                    continue
                client = key.data
                if client.closed:    # it left while another was served
                    continue
                if mask & selectors.EVENT_READ:
                    read(client)
                if mask & selectors.EVENT_WRITE and not client.closed:
                    write(client)
)");
}

} // namespace

void pythonChatServer(const CodeSettings &settings, ProgramText &program)
{
    header(settings, program);
    if (settings.model == ServerModel::ThreadPerClient)
        threadPerClient(program);
    else
        eventLoop(program);
    program.add(uR"(

if __name__ == '__main__':
    try:
        main()
    except KeyboardInterrupt:
        pass
)");
}

} // namespace socketeer::code
