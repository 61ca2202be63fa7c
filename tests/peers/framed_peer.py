# A server that speaks a framed protocol the way a tutorial would write it: struct.pack for the
# length prefix, a delimiter appended, every message sent in deliberately awkward pieces (the first
# ones a byte at a time, the rest several messages in one sendall). Before that it reads the
# client's framed messages with its own recv loop until the client half-closes, printing
# "got HEX" for each, then "done".
#   framed_peer.py PORT HOST FRAMING HEXMSG...
# FRAMING: line | crlf | delim:HEX | len:1 | len:2be | len:2le | len:4be | len:4le, with ",header"
# for a length that counts its own header. A last HEXMSG of "partial:HEX" is sent unfinished (its
# frame cut in half) just before the peer stops sending.
import socket
import struct
import sys
import time

PORT = int(sys.argv[1])
HOST = sys.argv[2]
FRAMING = sys.argv[3]
MESSAGES = sys.argv[4:]

kind, _, option = FRAMING.partition(',')
counts_header = option == 'header'
FORMATS = {'len:1': '>B', 'len:2be': '>H', 'len:2le': '<H', 'len:4be': '>I', 'len:4le': '<I'}


def delimiter():
    if kind == 'line':
        return b'\n'
    if kind == 'crlf':
        return b'\r\n'
    return bytes.fromhex(kind[len('delim:'):])


def pack(msg, index):
    if kind in FORMATS:
        fmt = FORMATS[kind]
        n = len(msg) + (struct.calcsize(fmt) if counts_header else 0)
        return struct.pack(fmt, n) + msg
    if kind == 'line' and index % 2:
        return msg + b'\r\n'   # people's lines end either way
    return msg + delimiter()


def recv_exact(conn, n):
    data = b''
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def read_messages(conn):
    if kind in FORMATS:
        fmt = FORMATS[kind]
        size = struct.calcsize(fmt)
        while True:
            header = recv_exact(conn, size)
            if header is None:
                return
            n = struct.unpack(fmt, header)[0] - (size if counts_header else 0)
            yield recv_exact(conn, n)
    else:
        delim = delimiter()
        buffer = b''
        while True:
            data = conn.recv(1024)
            if not data:
                return
            buffer += data
            while delim in buffer:
                msg, buffer = buffer.split(delim, 1)
                yield msg


family = socket.AF_INET6 if ':' in HOST else socket.AF_INET
with socket.socket(family, socket.SOCK_STREAM) as s:
    s.bind((HOST, PORT))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    with conn:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # First what the client frames, read with the tutorial's own loop until it half-closes
        # (a client that sees the peer close stops, so the peer listens first).
        for msg in read_messages(conn):
            print('got', msg.hex(), flush=True)
        print('done', flush=True)
        partial = b''
        frames = []
        for i, m in enumerate(MESSAGES):
            if m.startswith('partial:'):
                whole = pack(bytes.fromhex(m[len('partial:'):]), i)
                partial = whole[:len(whole) // 2]
            else:
                frames.append(pack(bytes.fromhex(m), i))
        stream = b''.join(frames)
        half = len(stream) // 2
        for i in range(half):            # a byte at a time: a message in many recv()s
            conn.sendall(stream[i:i + 1])
            time.sleep(0.0005)
        conn.sendall(stream[half:] + partial)   # the rest at once: many messages in one recv()
