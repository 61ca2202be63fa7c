# A tutorial-style line server for sequences: for every line a client sends it prints
# "got <line>" and answers "ACK <line>" (LF-terminated), except a line that is exactly "quiet",
# which it takes without a word (for a sequence's reply wait to time out). One client at a time;
# the port comes from the command line (0: the system chooses) and is printed first.
import socket
import sys

HOST = '127.0.0.1'
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 0

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind((HOST, PORT))
    s.listen(1)
    print('listening on', s.getsockname()[1], flush=True)
    while True:
        conn, addr = s.accept()
        with conn:
            buffered = b''
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                buffered += data
                while b'\n' in buffered:
                    line, buffered = buffered.split(b'\n', 1)
                    line = line.rstrip(b'\r')
                    print('got', line.decode('utf-8', 'replace'), flush=True)
                    if line != b'quiet':
                        conn.sendall(b'ACK ' + line + b'\n')
