def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)
x, *rest = [1, 2, 3]
d = {"k": [1, 2.5, None, True]}
for i in range(3):
    if i % 2 == 0:
        continue
    print(f"{i!r:>4} {d['k'][i]} {f(i, c=i)}")
try:
    1 / 0
except ZeroDivisionError as e:
    print(str(e))
while x < 5:
    x += 1
print(sorted([3, 1, 2], reverse=True), "a,b".split(","), lambda q: q)
