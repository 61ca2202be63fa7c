# A hand-driven SMTP client over a plain socket, the tutorial's way, for talking to a server the
# way no polite client would. Usage: smtp_script.py HOST PORT STEP...
#   line:TEXT   send TEXT and CRLF (TEXT may use \r, \n, \t, \xNN escapes)
#   send:TEXT   send TEXT as is (escapes as above)
#   fill:N:C    send N copies of the character C (no line end)
#   reply       read one whole reply (every line of a multi-line one) and print its lines
#   eof         read until the server closes the connection, print its lines, then "EOF"
#   close       close the connection at once (a client that vanishes)
# Every reply line is printed as it arrives; "EOF" when the server closed the connection.
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
s = socket.create_connection((host, port), timeout=30)
buf = b''


def unescape(text):
    return text.encode('utf-8').decode('unicode_escape').encode('latin-1')


def read_line():
    global buf
    while b'\r\n' not in buf:
        chunk = s.recv(4096)
        if not chunk:
            return None
        buf += chunk
    line, buf = buf.split(b'\r\n', 1)
    return line.decode('utf-8', 'replace')


def say(text):
    print(text, flush=True)


for step in sys.argv[3:]:
    kind, _, arg = step.partition(':')
    if kind == 'line':
        s.sendall(unescape(arg) + b'\r\n')
    elif kind == 'send':
        s.sendall(unescape(arg))
    elif kind == 'fill':
        count, _, char = arg.partition(':')
        s.sendall(char.encode('latin-1') * int(count))
    elif kind == 'reply':
        while True:
            line = read_line()
            if line is None:
                say('EOF')
                sys.exit(0)
            say(line)
            if len(line) < 4 or line[3] != '-':
                break
    elif kind == 'eof':
        while True:
            line = read_line()
            if line is None:
                say('EOF')
                sys.exit(0)
            say(line)
    elif kind == 'close':
        s.close()
        say('CLOSED')
        sys.exit(0)
    else:
        sys.exit('unknown step ' + step)
s.close()
