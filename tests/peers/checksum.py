# Check values computed the way a Python programmer would, independently of Socketeer: zlib's CRC-32
# from binascii.crc32, CRC-16/XMODEM and CRC-16/CCITT-FALSE from binascii.crc_hqx (poly 0x1021,
# unreflected, the initial value as its argument), and the loops a Modbus or serial tutorial writes
# for CRC-16/MODBUS, CRC-8, sum-8, XOR-8 and LRC.
#
#   checksum.py lines
#       reads lines "append NAME ORDER RANGE HEX" on stdin and answers each with one line, the
#       message with the check value of message[START:END] appended (RANGE is "START:END", either
#       side empty, as a Python slice), or "ok"/"bad" for "verify NAME ORDER RANGE HEX".
#   checksum.py server PORT NAME ORDER
#       the tutorial's TCP server: one client, reads until the client's end, prints "received HEX"
#       and "ok"/"bad" for the message ending with a check value.
import binascii
import socket
import sys


def crc16_modbus(data):
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            if crc & 1:
                crc = (crc >> 1) ^ 0xA001
            else:
                crc >>= 1
    return crc


def crc8(data):
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def xor8(data):
    x = 0
    for byte in data:
        x ^= byte
    return x


ALGORITHMS = {
    'crc16-modbus': (2, crc16_modbus),
    'crc16-ccitt-false': (2, lambda d: binascii.crc_hqx(d, 0xFFFF)),
    'crc16-xmodem': (2, lambda d: binascii.crc_hqx(d, 0)),
    'crc32': (4, lambda d: binascii.crc32(d) & 0xFFFFFFFF),
    'crc8': (1, crc8),
    'sum8': (1, lambda d: sum(d) & 0xFF),
    'xor8': (1, xor8),
    'lrc': (1, lambda d: (-sum(d)) & 0xFF),
}


def check_value(name, order, data):
    width, function = ALGORITHMS[name]
    return function(data).to_bytes(width, 'little' if order == 'le' else 'big')


def covered(data, span):
    start, end = span.split(':')
    return data[int(start) if start else None:int(end) if end else None]


def append(name, order, data, span=':'):
    return data + check_value(name, order, covered(data, span))


def verify(name, order, message, span=':'):
    width = ALGORITHMS[name][0]
    if len(message) < width:
        return False
    return check_value(name, order, covered(message[:-width], span)) == message[-width:]


def lines():
    for line in sys.stdin:
        words = line.split()
        command, name, order, span = words[0], words[1], words[2], words[3]
        data = bytes.fromhex(words[4]) if len(words) > 4 else b''
        if command == 'append':
            print(append(name, order, data, span).hex(), flush=True)
        else:
            print('ok' if verify(name, order, data, span) else 'bad', flush=True)


def server(port, name, order):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', port))
        s.listen(1)
        print('listening on', s.getsockname()[1], flush=True)
        conn, addr = s.accept()
        with conn:
            received = b''
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                received += data
            print('received', received.hex(), flush=True)
            print('ok' if verify(name, order, received) else 'bad', flush=True)


if sys.argv[1] == 'lines':
    lines()
else:
    server(int(sys.argv[2]), sys.argv[3], sys.argv[4])
