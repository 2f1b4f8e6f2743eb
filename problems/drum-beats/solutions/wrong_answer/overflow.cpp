// Wrong: computes lcm(a, b) in 64 bits; it overflows when a and b are large and coprime.
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;

int main() {
    int t;
    scanf("%d", &t);
    while (t--) {
        ll l, r, a, b;
        scanf("%lld %lld %lld %lld", &l, &r, &a, &b);
        ll lcm = a / __gcd(a, b) * b;  // overflow!
        auto f = [&](ll x) { return x / a + x / b - 2 * (x / lcm); };
        printf("%lld\n", f(r) - f(l - 1));
    }
    return 0;
}
