# The tutorial's TCP client, scripted: connects to HOST PORT [FAMILY], then for each line on stdin
# sends the line's bytes (hex-encoded on stdin, so any byte can be sent) and prints what came back
# as hex: "Received <hex>". At stdin's end it half-closes and prints whatever else arrives until the
# server closes, then "closed".
import socket
import sys

HOST = sys.argv[1]
PORT = int(sys.argv[2])
BUFSIZ = 1024
family = socket.AF_INET6 if ':' in HOST else socket.AF_INET

with socket.socket(family, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    print('connected', s.getsockname()[1], flush=True)
    for line in sys.stdin:
        line = line.strip()
        if line == 'wait':            # just read one chunk
            data = s.recv(BUFSIZ)
            print('Received', data.hex(), flush=True)
            continue
        payload = bytes.fromhex(line)
        s.sendall(payload)
        got = b''
        while len(got) < len(payload):
            data = s.recv(BUFSIZ)
            if not data:
                break
            got += data
        print('Received', got.hex(), flush=True)
    s.shutdown(socket.SHUT_WR)
    while True:
        data = s.recv(BUFSIZ)
        if not data:
            break
        print('Received', data.hex(), flush=True)
    print('closed', flush=True)
