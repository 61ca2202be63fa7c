# A class of N students in a chat room (docs/CHAT.md), each a client as the tutorial writes one:
# socket.socket(), connect(), sendall(text.encode('utf8')), recv(1024). Usage: HOST PORT N.
# They join one after the other with Chinese nicknames (学生01, 学生02, ...), one more tries a taken
# name in another form and leaves with /quit before it has one; then /who, everyone says hello,
# each sends a private /msg to the next, one /me, and all leave with /quit. Every line each client
# receives is checked, in order. Prints "ok" and exits 0, or "FAIL <why>" and exits 1.
import socket
import sys

HOST, PORT, N = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
WAIT = 30.0   # the most a line may take to come: a wait for the server, not a pause


class Student:
    def __init__(self):
        self.s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.s.settimeout(WAIT)
        self.s.connect((HOST, PORT))
        self.buffer = b''
        self.name = ''

    def send(self, text):
        self.s.sendall((text + '\n').encode('utf8'))

    def line(self):
        while b'\n' not in self.buffer:
            data = self.s.recv(1024)
            if not data:
                return None   # the server closed the connection
            self.buffer += data
        line, self.buffer = self.buffer.split(b'\n', 1)
        return line.decode('utf8')

    def expect(self, wanted):
        got = self.line()
        if got != wanted:
            print('FAIL %s expected %r, got %r' % (self.name or 'a student', wanted, got), flush=True)
            sys.exit(1)


def name(i):
    return '学生%02d' % i


students = []
for i in range(1, N + 1):
    student = Student()
    student.expect('*** welcome: send your nickname on the first line')
    student.send(name(i))
    student.expect('*** you are ' + name(i))
    student.name = name(i)
    for other in students:
        other.expect('*** %s joined' % name(i))
    students.append(student)

# A clash: the first name again, with full-width digits (the same name once normalised); then it
# leaves before it ever had a name: nobody hears of it.
late = Student()
late.expect('*** welcome: send your nickname on the first line')
late.send('学生０１')
late.expect('*** nickname 学生０１ is taken: send another')
late.send('/quit')
late.expect('*** bye')
late.expect(None)
late.s.close()

students[0].send('/who')
students[0].expect('*** in the room (%d): %s' % (N, ', '.join(name(i) for i in range(1, N + 1))))

for student in students:
    student.send('大家好，我是' + student.name)
    for other in students:
        if other is not student:
            other.expect('%s: 大家好，我是%s' % (student.name, student.name))

for i, student in enumerate(students):
    to = students[(i + 1) % N]
    student.send('/msg %s 悄悄话 %d' % (to.name, i))
    to.expect('*%s* 悄悄话 %d' % (student.name, i))
    student.expect('-> *%s* 悄悄话 %d' % (to.name, i))

students[1].send('/me 挥手')
for other in students:
    if other is not students[1]:
        other.expect('* %s 挥手' % students[1].name)

while students:
    leaving = students.pop(0)
    leaving.send('/quit')
    leaving.expect('*** bye')
    leaving.expect(None)
    leaving.s.close()
    for other in students:
        other.expect('*** %s left' % leaving.name)

print('ok', flush=True)
