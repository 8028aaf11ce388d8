package msg

// The Korean of what lesson 06-races's specs say (see specKorean).
func init() {
	addSpecs(map[string]string{
		// lessons/06-races/account_test.go
		"Account lets one of two withdrawals through when the money covers one": "Account는 잔액이 출금 한 번만 감당할 때 두 출금 중 하나만 통과시킨다",
		"the balance was 100 and two Withdraw(80) both returned true (the balance is now %d): the second one checked the balance while the first was between its check and its update. Hold one lock from the check to the update.": "잔액이 100이었는데 Withdraw(80) 두 번이 모두 true를 반환했습니다(지금 잔액: %d). 첫 번째 호출이 확인과 갱신 사이에 있는 동안 두 번째 호출이 잔액을 확인했습니다. 확인부터 갱신까지 락 하나를 계속 잡고 있으세요.",
		"the balance was 100, so one Withdraw(80) must succeed":                                                                                                            "잔액이 100이었으므로 Withdraw(80) 하나는 성공해야 합니다",
		"a Withdraw took money without calling Between: call it after the check has passed and before the update":                                                          "Withdraw가 Between을 부르지 않고 돈을 뺐습니다. 확인을 통과한 뒤 갱신하기 전에 Between을 부르세요",
		"a balance of 20 does not cover 30":                                                                                                                                "잔액 20으로는 30을 뺄 수 없습니다",
		"Withdraw found the balance too small, yet it called Between: Between comes after the check has passed, before the money is taken":                                 "Withdraw가 잔액이 모자란 것을 알고도 Between을 불렀습니다. Between은 확인을 통과한 뒤 돈을 빼기 전에 부르는 것입니다",
		"a refused Withdraw must leave the balance as it was":                                                                                                              "거절된 Withdraw는 잔액을 그대로 두어야 합니다",
		"Account works as the zero value, with no Between, from many goroutines":                                                                                           "Account는 Between 없이 제로 값 그대로 여러 고루틴에서 동작한다",
		"four goroutines at once each deposited 1 and withdrew 1 a hundred times on a zero Account with no Between, and the balance went from 20 to %d: updates were lost": "Between이 없는 제로 값 Account에서 고루틴 네 개가 동시에 각각 1을 입금하고 1을 출금하기를 백 번 했더니 잔액이 20에서 %d이 되었습니다. 갱신이 사라졌습니다",
		"Withdraw panicked on a zero Account, whose Between is nil: the zero value is ready to use, so call Between only if it is not nil":                                 "Between이 nil인 제로 값 Account에서 Withdraw가 패닉을 냈습니다. 제로 값은 바로 쓸 수 있어야 하므로 Between은 nil이 아닐 때만 부르세요",
		"a balance of 50 covers 30":                                  "잔액 50으로 30을 뺄 수 있습니다",
		"50 deposited and 30 withdrawn leaves 20, not %d":            "50을 입금하고 30을 출금하면 %d이 아니라 20이 남아야 합니다",
		"Account never goes below zero when ten withdrawals overlap": "Account는 출금 열 번이 겹쳐도 0 밑으로 내려가지 않는다",
		"ten Withdraw(25) from a balance of 100 left the balance at %d: withdrawals acted on a balance that had already changed. The check and the update must be one step under one lock.":                      "잔액 100에서 Withdraw(25)를 열 번 했더니 잔액이 %d까지 내려갔습니다. 출금이 이미 바뀐 잔액을 기준으로 돈을 뺐습니다. 확인과 갱신은 락 하나를 잡은 채 한 단계로 해야 합니다.",
		"a balance of 100 covers four Withdraw(25), the last of them leaving exactly 0, but %d of ten succeeded. A balance equal to the amount covers it: refuse only when the balance is less than the amount.": "잔액 100이면 Withdraw(25)를 네 번 할 수 있고 마지막 출금 뒤 잔액은 정확히 0인데, 열 번 중 %d번이 성공했습니다. 잔액이 금액과 같으면 출금할 수 있습니다. 잔액이 금액보다 적을 때만 거절하세요.",
		"Account stays exact when many goroutines deposit and withdraw at once":                                                                                   "Account는 여러 고루틴이 동시에 입금하고 출금해도 정확하다",
		"Balance was seen below zero: two withdrawals took the same money":                                                                                        "Balance가 0보다 작은 값을 반환했습니다. 두 출금이 같은 돈을 가져갔습니다",
		"the balance ended at %d, below zero: two withdrawals took the same money":                                                                                "최종 잔액이 0보다 작은 %d입니다. 두 출금이 같은 돈을 가져갔습니다",
		"%d was deposited and %d withdrawn, so the balance must be %d, but it is %d: updates were lost. Guard Deposit, Withdraw and Balance with the same mutex.": "입금 %d, 출금 %d이므로 잔액은 %d이어야 하는데 실제 잔액은 %d입니다. 갱신이 사라졌습니다. Deposit, Withdraw, Balance를 모두 같은 뮤텍스로 보호하세요.",

		// lessons/06-races/counter_test.go
		"Counter keeps both updates when one Inc is held halfway": "Counter는 Inc 하나가 중간에 붙잡혀 있어도 두 갱신을 모두 지킨다",
		"one Inc was held between reading the count and writing it back, a second Inc ran meanwhile, and the count is %d, not 2: both read the same old value, so one update was lost. Make the increment one step (atomic.Int64's Add) or hold a mutex from the read to the write, Yield included.": "Inc 하나가 카운트를 읽고 다시 쓰기 전에 붙잡혀 있는 동안 두 번째 Inc가 실행되었는데, 카운트가 2가 아니라 %d입니다. 두 Inc가 같은 옛 값을 읽어서 갱신 하나가 사라졌습니다. 증가를 한 단계로 만들거나(atomic.Int64의 Add), Yield를 포함해 읽기부터 쓰기까지 뮤텍스를 계속 잡고 있으세요.",
		"two Incs ran but Yield was called %d times: every Inc must call Yield (in the middle of the increment, or just before or after an atomic add). The specs hold an Inc in Yield to test it at its most fragile point; an Inc that skips Yield hides its race from them.":                      "Inc가 두 번 실행되었는데 Yield는 %d번 불렸습니다. 모든 Inc는 Yield를 불러야 합니다(증가의 한가운데에서, 아토믹 덧셈이라면 그 바로 앞이나 뒤에서). 스펙은 Inc를 Yield 안에 붙잡아 두고 가장 깨지기 쉬운 지점에서 시험합니다. Yield를 건너뛰는 Inc는 스펙에게 자기 레이스를 숨기는 셈입니다.",
		"Counter works as the zero value, with no Yield, from many goroutines":                                                                                                          "Counter는 Yield 없이 제로 값 그대로 여러 고루틴에서 동작한다",
		"one Inc, then 100 from each of four goroutines at once, on a zero Counter with no Yield, and the count is %d, not 401: updates were lost":                                      "Yield가 없는 제로 값 Counter에서 Inc를 한 번, 그다음 고루틴 네 개가 동시에 각각 100번 불렀는데 카운트가 401이 아니라 %d입니다. 갱신이 사라졌습니다",
		"Inc panicked on a zero Counter, whose Yield is nil: the zero value is ready to use, so call Yield only if it is not nil":                                                       "Yield가 nil인 제로 값 Counter에서 Inc가 패닉을 냈습니다. 제로 값은 바로 쓸 수 있어야 하므로 Yield는 nil이 아닐 때만 부르세요",
		"Counter keeps every update when ten Incs overlap":                                                                                                                              "Counter는 Inc 열 번이 겹쳐도 갱신을 하나도 잃지 않는다",
		"ten Incs ran while the first was held halfway, and the count is %d, not 10: updates were lost. No Inc may read the count while another one is between its read and its write.": "첫 번째 Inc가 중간에 붙잡혀 있는 동안 Inc가 열 번 실행되었는데, 카운트가 10이 아니라 %d입니다. 갱신이 사라졌습니다. 다른 Inc가 읽기와 쓰기 사이에 있는 동안에는 어떤 Inc도 카운트를 읽으면 안 됩니다.",
		"Counter counts exactly while many goroutines Inc and read Value":                                                                                                               "Counter는 여러 고루틴이 Inc를 부르고 Value를 읽어도 정확히 센다",
		"Value went down between two calls: an Inc wrote back a count it had read long before, wiping out newer updates":                                                                "두 호출 사이에 Value가 줄어들었습니다. 어떤 Inc가 한참 전에 읽은 카운트를 다시 써서 그 뒤의 갱신을 지워 버렸습니다",
		"%d goroutines called Inc %d times each, and the count is %d: updates were lost. Use an atomic.Int64 (Add in Inc, Load in Value) or one mutex in both.":                         "고루틴 %d개가 각각 Inc를 %d번 불렀는데 카운트는 %d입니다. 갱신이 사라졌습니다. atomic.Int64를 쓰거나(Inc에서 Add, Value에서 Load) 두 메서드에서 같은 뮤텍스 하나를 쓰세요.",

		// lessons/06-races/lazy_test.go
		"Lazy builds once when Gets overlap": "Lazy는 Get이 겹쳐도 한 번만 빌드한다",
		"NewLazy called build: the value must be built by the first Get, not before (it may never be needed)":                                                                                             "NewLazy가 build를 불렀습니다. 값은 그보다 앞이 아니라 첫 번째 Get에서 만들어야 합니다(끝내 필요 없을 수도 있으니까요)",
		"8 goroutines called Get while the first one was still building, and build ran %d times: the others saw \"not built yet\" and built too. Let a sync.Once decide who builds.":                      "고루틴 8개가 Get을 불렀고 나머지는 첫 번째가 아직 빌드하는 동안 도착했는데, build가 %d번 실행되었습니다. 나머지도 \"아직 안 만들어졌다\"고 보고 따라서 빌드했습니다. 누가 빌드할지는 sync.Once가 정하게 하세요.",
		"Lazy makes Gets that arrive during build wait for its value":                                                                                                                                     "Lazy는 빌드 중에 도착한 Get이 값을 기다리게 한다",
		"Get number %d returned before the value was built (a nil *config): a Get that arrives while build runs must wait for it. sync.Once.Do makes every caller wait for the one call of its function.": "%d번째 Get이 값이 만들어지기 전에 반환했습니다(nil *config). build가 도는 동안 도착한 Get은 build가 끝나기를 기다려야 합니다. sync.Once.Do는 모든 호출자가 그 함수의 단 한 번뿐인 호출을 기다리게 합니다.",
		"Get number %d returned the value of build call %d and the first Get that of call %d: every Get must return the one value built":                                                                  "%d번째 Get은 %d번째 build 호출의 값을, 첫 번째 Get은 %d번째 호출의 값을 반환했습니다. 모든 Get은 한 번 만든 그 값 하나를 반환해야 합니다",
		"Lazy returns one value to many goroutines at once":                                                                                                                                               "Lazy는 동시에 부른 여러 고루틴에게 같은 값 하나를 돌려준다",
		"%d goroutines called Get at once and build ran %d times: it must run exactly once, and sync.Once.Do sees to that":                                                                                "고루틴 %d개가 동시에 Get을 불렀는데 build가 %d번 실행되었습니다. build는 정확히 한 번만 실행되어야 하고, sync.Once.Do가 그것을 보장합니다",
		"every Get must return the one value built":                                                                                                                                                       "모든 Get은 한 번 만든 그 값 하나를 반환해야 합니다",
		"a Get after the value is built must return it without building again":                                                                                                                            "값이 만들어진 뒤의 Get은 다시 빌드하지 않고 그 값을 반환해야 합니다",
		"a Get after the value is built must not call build":                                                                                                                                              "값이 만들어진 뒤의 Get은 build를 부르면 안 됩니다",

		// lessons/06-races/registry_test.go
		"Register(%q) returned, but Lookup(%q) finds no number: the insert was lost":                                                                                                                "Register(%q) 호출은 반환했는데 Lookup(%q) 호출로는 번호를 찾을 수 없습니다. 넣은 항목이 사라졌습니다",
		"Register(%q) returned %d, but the Registry now says %q is %d: two calls gave the same name different numbers. Look up, choose and insert as one step (one lock, or sync.Map.LoadOrStore).": "Register(%q) 호출은 %d번을 반환했는데 지금 Registry에는 %q 이름이 %d번으로 되어 있습니다. 두 호출이 같은 이름에 서로 다른 번호를 주었습니다. 찾기, 번호 고르기, 넣기를 한 단계로 하세요(락 하나, 또는 sync.Map.LoadOrStore).",
		"%q got the negative number %d": "%q 이름이 음수 번호를 받았습니다: %d",
		"%q and %q both got number %d: both Registers chose a number before either recorded theirs. Hold one lock from the lookup to the insert, or let sync.Map.LoadOrStore decide.": "%q 이름과 %q 이름이 둘 다 %d번을 받았습니다. 두 Register 모두 상대가 번호를 기록하기 전에 자기 번호를 골랐습니다. 찾기부터 넣기까지 락 하나를 계속 잡고 있거나, sync.Map.LoadOrStore가 정하게 하세요.",
		"%d different names were registered, but Len says %d":                                                                               "서로 다른 이름 %d개를 등록했는데 Len은 %d개라고 합니다",
		"Registry gives names registered at the same time different numbers":                                                                "Registry는 동시에 등록된 이름들에 서로 다른 번호를 준다",
		"Registry works as the zero value, with no Between, from many goroutines":                                                           "Registry는 Between 없이 제로 값 그대로 여러 고루틴에서 동작한다",
		"a zero Registry with no Between was given 2 names, then 100 more from four goroutines at once, but Len says %d":                    "Between이 없는 제로 값 Registry에 이름 2개, 그다음 고루틴 네 개가 동시에 100개를 더 등록했는데 Len은 %d이라고 합니다",
		"Register panicked on a zero Registry, whose Between is nil: the zero value is ready to use, so call Between only if it is not nil": "Between이 nil인 제로 값 Registry에서 Register가 패닉을 냈습니다. 제로 값은 바로 쓸 수 있어야 하므로 Between은 nil이 아닐 때만 부르세요",
		"ann was registered twice and got %d, then %d: a name keeps its number":                                                             "ann을 두 번 등록했더니 %d, 그다음 %d을 받았습니다. 이름은 한번 받은 번호를 계속 가져야 합니다",
		"ann and bob both got %d: distinct names get distinct numbers":                                                                      "ann과 bob이 둘 다 %d을 받았습니다. 서로 다른 이름은 서로 다른 번호를 받아야 합니다",
		"two names were registered, but Len says %d":                                                                                        "이름 두 개를 등록했는데 Len은 %d이라고 합니다",
		"Registry gives a name registered twice at the same time one number":                                                                "Registry는 동시에 두 번 등록된 이름에 번호를 하나만 준다",
		"Register gave ann her number: it must call Between(\"ann\") once, after choosing the number and before recording it":               "Register가 ann에게 번호를 주었습니다. 이때는 번호를 고른 뒤 기록하기 전에 Between(\"ann\")을 한 번 불러야 합니다",
		"ann keeps her number": "ann의 번호는 그대로여야 합니다",
		"ann already had a number, yet Register called Between: Between is only for a name Register has not found": "ann에게는 이미 번호가 있는데 Register가 Between을 불렀습니다. Between은 Register가 찾지 못한 이름에만 부릅니다",
		"Registry stays whole when many goroutines register and look up at once":                                   "Registry는 여러 고루틴이 동시에 등록하고 찾아도 온전하다",

		// lessons/06-races/account_test.go
		"100 - 80 leaves 20":  "100에서 80을 빼면 20이 남아야 합니다",
		"100 - 4×25 leaves 0": "100에서 25를 네 번 빼면 0이 남아야 합니다",

		// lessons/06-races/races_suite_test.go
		"06 races": "=",

		// lessons/06-races/account_test.go
		"%d goroutines at once each deposited 1 %d times, and the balance is %d, not %d: deposits were lost. Hold the mutex while Deposit changes the balance.": "고루틴 %d개가 동시에 각각 1씩 %d번 입금했는데 잔액이 %d입니다(%d이어야 합니다). 입금이 사라졌습니다. Deposit이 잔액을 바꾸는 동안 뮤텍스를 잡고 있으세요.",

		// lessons/06-races/account_test.go
		"Account lets every withdrawal through when the money covers them all": "Account는 잔액이 모든 출금을 감당하면 출금을 전부 통과시킨다",
		"the balance was 100, and three Withdraw(10) and a Deposit(5) ran while the first Withdraw was held in Between, but the Withdraws returned %v: a Withdraw must succeed whenever the balance covers the amount, even if other calls changed the balance meanwhile. A compare-and-swap that fails must look at the balance again and retry, not give up.": "잔액이 100이었고 첫 Withdraw가 Between에 붙잡혀 있는 동안 Withdraw(10) 세 번과 Deposit(5)가 실행되었는데 Withdraw들이 %v를 반환했습니다. 다른 호출이 그사이에 잔액을 바꾸었더라도 잔액이 금액을 감당하면 Withdraw는 성공해야 합니다. compare-and-swap이 실패하면 포기하지 말고 잔액을 다시 읽어서 재시도하세요.",
		"100 - 3×10 + 5 leaves 75, not %d": "100 - 3×10 + 5는 %d이 아니라 75입니다",

		// lessons/06-races/lazy_test.go
		"build ran %d times before anyone called Get: NewLazy must not build the value, not even on a goroutine of its own. The value is built by the first Get, and may never be needed.": "아무도 Get을 부르기 전에 build가 %d번 실행되었습니다. NewLazy는 값을 만들면 안 되고, 따로 고루틴을 띄워서 만들어도 안 됩니다. 값은 첫 번째 Get이 만들고, 끝내 필요 없을 수도 있습니다.",

		// lessons/06-races/registry_test.go
		"Registry lets Lookup and Len run while a Register is under way":  "Registry는 Register가 진행 중일 때도 Lookup과 Len을 안전하게 실행한다",
		"Register(\"bob\") returned, but Lookup(\"bob\") finds no number": "Register(\"bob\") 호출은 반환했는데 Lookup(\"bob\")으로 찾으면 번호가 없습니다",
		"bob got the negative number %d":                                  "bob이 음수 번호 %d을 받았습니다",
		"%d names were registered, but Len says %d":                       "이름 %d개를 등록했는데 Len은 %d이라고 합니다",
	})
}
