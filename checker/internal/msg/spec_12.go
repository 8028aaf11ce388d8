package msg

// The Korean of what lesson 12-select's specs say (see specKorean).
func init() {
	addSpecs(map[string]string{
		// lessons/12-select/context_test.go
		"The tasks' context is derived from the caller's ctx, values and all": "태스크의 컨텍스트는 호출자의 ctx에서 파생되어 그 값까지 모두 물려받는다",
		"the task's context did not carry the value that the caller's ctx carries: derive the tasks' context from ctx (context.WithCancel(ctx), errgroup.WithContext(ctx)), never from context.Background()": "태스크의 컨텍스트에 호출자의 ctx가 가진 값이 없었습니다. 태스크의 컨텍스트는 context.Background()가 아니라 반드시 ctx에서 파생시키세요(context.WithCancel(ctx), errgroup.WithContext(ctx))",

		// lessons/12-select/first.go
		"First: run every task at once, return the first success, cancel the rest": "First: 모든 태스크를 한꺼번에 실행하고, 첫 성공을 반환하고, 나머지는 취소하세요",

		// lessons/12-select/first_test.go
		"First returns the fastest result at its time":                                                                      "First는 가장 빠른 결과를 그 결과가 나온 순간에 반환한다",
		"every task succeeded, so First must return a nil error":                                                            "모든 태스크가 성공했으므로 First는 nil 에러를 반환해야 합니다",
		"the tasks took 3s, 1s and 2s: the 1s task's result must win":                                                       "태스크는 각각 3s, 1s, 2s 걸렸습니다. 1s 걸린 태스크의 결과가 이겨야 합니다",
		"First returned after %v: it must return the moment the fastest task succeeds (1s), without waiting for the others": "First가 %v 뒤에 반환했습니다. 나머지를 기다리지 말고 가장 빠른 태스크가 성공하는 순간(1s)에 반환해야 합니다",
		"First cancels the losers":                                    "First는 진 태스크들을 취소한다",
		"the 1s task succeeded, so First must return a nil error":     "1s 걸린 태스크가 성공했으므로 First는 nil 에러를 반환해야 합니다",
		"only one task ever finishes on its own: its result must win": "스스로 끝나는 태스크는 하나뿐입니다. 그 태스크의 결과가 이겨야 합니다",
		"First must return as soon as the winner succeeds (1s)":       "First는 이긴 태스크가 성공하자마자(1s) 반환해야 합니다",
		"two tasks never finish unless their context is cancelled, and they must be cancelled when the winner is known (1s): give the tasks a context from context.WithCancel and cancel it when First returns": "두 태스크는 컨텍스트가 취소되지 않으면 끝나지 않는데, 이긴 태스크가 정해지는 순간(1s)에 취소되어야 합니다. 태스크들에 context.WithCancel로 만든 컨텍스트를 주고, First가 반환할 때 그 컨텍스트를 취소하세요",
		"First does not let a failure win": "First에서는 실패가 이기지 못한다",
		"one task failed at 1s but another succeeded at 2s: First returns the first success, so no error": "한 태스크는 1s에 실패했지만 다른 태스크가 2s에 성공했습니다. First는 첫 성공을 반환하므로 에러가 없어야 합니다",
		"the first task to succeed (at 2s) must win, not the first to return":                             "먼저 반환한 태스크가 아니라 먼저 성공한 태스크(2s)가 이겨야 합니다",
		"First must return when the first success arrives (2s)":                                           "First는 첫 성공이 도착할 때(2s) 반환해야 합니다",
		"First reports every error when every task fails":                                                 "First는 모든 태스크가 실패하면 모든 에러를 알린다",
		"every task failed, so First must return an error":                                                "모든 태스크가 실패했으므로 First는 에러를 반환해야 합니다",
		"First returned %q: when every task fails its error must wrap every task's error (errors.Join)":   "First가 반환한 에러: %q. 모든 태스크가 실패하면 First의 에러는 모든 태스크의 에러를 감싸야 합니다(errors.Join)",
		"on failure First must return the zero value":                                                     "실패하면 First는 제로 값을 반환해야 합니다",
		"First can only know that every task failed when the last one fails (2s)":                         "First는 마지막 태스크가 실패할 때(2s)에야 모든 태스크가 실패했음을 알 수 있습니다",
		"First fails when its context is done":                                                            "First는 컨텍스트가 끝나면 실패한다",
		"ctx expired at 2s while no task had succeeded: First must fail with an error wrapping ctx.Err()": "성공한 태스크가 없는 채로 ctx가 2s에 만료되었습니다. First는 ctx.Err()를 감싼 에러로 실패해야 합니다",
		"First must fail when ctx expires (2s)":                                                           "First는 ctx가 만료될 때(2s) 실패해야 합니다",
		"the tasks' context must be derived from ctx, so that they see it expire":                         "태스크들이 ctx의 만료를 알아챌 수 있도록 태스크의 컨텍스트를 ctx에서 파생시켜야 합니다",
		"First with no tasks returns ErrNoTasks":                                                          "태스크가 없는 First는 ErrNoTasks를 반환한다",
		"with nothing to run, First must return ErrNoTasks at once":                                       "실행할 태스크가 없으면 First는 곧바로 ErrNoTasks를 반환해야 합니다",
		"First fails when its context is done only once every task has failed":                            "First는 컨텍스트가 끝나도 모든 태스크가 실패한 뒤에야 실패한다",
		"ctx expired at 2s, and the two tasks took 1s and 2s to stop: they failed at 3s and 4s, but First returned at %v. A done ctx is no reason for First to return by itself: the tasks see it and fail, and First then fails as it does whenever every task fails, once the last one has failed (4s). Keep taking results until one succeeds or every task has failed; do not select on ctx.Done() there": "ctx는 2s에 만료되었고 두 태스크는 멈추는 데 각각 1s와 2s가 걸려 3s와 4s에 실패했는데, First는 %v에 반환했습니다. ctx가 끝났다는 것만으로 First가 스스로 반환할 이유는 없습니다. 태스크들이 그것을 보고 실패하면, First는 모든 태스크가 실패할 때 늘 그러듯 마지막 태스크가 실패한 뒤(4s)에 실패합니다. 하나가 성공하거나 모든 태스크가 실패할 때까지 결과를 계속 받고, 그 자리에서 ctx.Done()을 select하지 마세요",
		"First returned %q: when ctx is done every task fails, and First's error must wrap every task's error (errors.Join), not just ctx.Err()": "First가 반환한 에러: %q. ctx가 끝나면 모든 태스크가 실패하므로, First의 에러는 ctx.Err()만이 아니라 모든 태스크의 에러를 감싸야 합니다(errors.Join)",

		// lessons/12-select/gather.go
		"Gather: run every task at once, results in order, the first error cancels the rest": "Gather: 모든 태스크를 한꺼번에 실행하고, 결과는 태스크 순서대로 두고, 첫 에러가 나면 나머지를 취소하세요",

		// lessons/12-select/gather_test.go
		"Gather runs the tasks at once and keeps their order":                                                                                             "Gather는 태스크를 한꺼번에 실행하고 그 순서를 지킨다",
		"every task succeeded, so Gather must return a nil error":                                                                                         "모든 태스크가 성공했으므로 Gather는 nil 에러를 반환해야 합니다",
		"Gather must return the results in the order of the tasks, not the order they finished in: store each at its task's index":                        "Gather는 결과를 끝난 순서가 아니라 태스크 순서대로 반환해야 합니다. 각 결과를 그 태스크의 인덱스 자리에 저장하세요",
		"tasks of 3s, 1s and 2s took %v: run at once they take as long as the slowest (3s), one after the other 6s":                                       "3s, 1s, 2s짜리 태스크에 걸린 시간: %v. 한꺼번에 돌리면 가장 느린 태스크만큼(3s), 하나씩 차례로 돌리면 6s 걸립니다",
		"Gather returns the first error and cancels the rest":                                                                                             "Gather는 첫 에러를 반환하고 나머지를 취소한다",
		"a task failed with %q at 2s: Gather must return that error, not %q (the others only failed because they were cancelled)":                         "한 태스크가 2s에 실패했습니다(에러: %q). Gather는 %q 말고 그 에러를 반환해야 합니다(다른 태스크들은 취소되었기 때문에 실패했을 뿐입니다)",
		"when a task fails Gather must return nil results":                                                                                                "태스크 하나가 실패하면 Gather는 nil 결과를 반환해야 합니다",
		"Gather must return when the failure happens (2s)":                                                                                                "Gather는 실패가 일어나는 순간(2s)에 반환해야 합니다",
		"two tasks never finish unless cancelled, and the failure at 2s must cancel them: errgroup.WithContext gives the tasks such a context":            "두 태스크는 취소되지 않으면 끝나지 않으므로 2s의 실패가 이 둘을 취소해야 합니다. errgroup.WithContext가 태스크들에 그런 컨텍스트를 줍니다",
		"Gather waits for the cancelled tasks to return":                                                                                                  "Gather는 취소된 태스크들이 반환할 때까지 기다린다",
		"a task failed with %q: Gather must return that error":                                                                                            "한 태스크가 실패했습니다(에러: %q). Gather는 그 에러를 반환해야 합니다",
		"Gather returned at %v, before the cancelled task had returned (1.5s): wait for every task (errgroup's Wait does) so that none outlives the call": "Gather가 취소된 태스크가 반환하기(1.5s) 전인 %v에 반환했습니다. 호출보다 오래 사는 태스크가 없도록 모든 태스크를 기다리세요(errgroup의 Wait가 그렇게 합니다)",
		"Gather must return once the cancelled task has returned (1.5s)":                                                                                  "Gather는 취소된 태스크가 반환하면(1.5s) 바로 반환해야 합니다",
		"Gather fails when its context is done, and cancels the tasks":                                                                                    "Gather는 컨텍스트가 끝나면 실패하고 태스크들을 취소한다",
		"ctx expired at 2s with no task done: Gather must fail with ctx's error":                                                                          "끝난 태스크가 없는 채로 ctx가 2s에 만료되었습니다. Gather는 ctx의 에러로 실패해야 합니다",
		"a Gather that fails returns nil results":                                                                                                         "실패한 Gather는 nil 결과를 반환합니다",
		"the tasks' context must be derived from ctx, so that they see it expire: errgroup.WithContext(ctx)":                                              "태스크들이 ctx의 만료를 알아챌 수 있도록 태스크의 컨텍스트를 ctx에서 파생시켜야 합니다. errgroup.WithContext(ctx)를 쓰세요",
		"Gather with no tasks returns an empty slice, not nil":                                                                                            "태스크가 없는 Gather는 nil이 아닌 빈 슬라이스를 반환한다",
		"with nothing to run, nothing can fail":                                                                                                           "실행할 것이 없으면 실패할 것도 없습니다",
		"with no tasks Gather must return an empty slice that is not nil: nil results mean that the Gather failed":                                        "태스크가 없으면 Gather는 nil이 아닌 빈 슬라이스를 반환해야 합니다. nil 결과는 Gather가 실패했다는 뜻입니다",
		"with no tasks there are no results":                                                                                                              "태스크가 없으면 결과도 없습니다",

		// lessons/12-select/limiter.go
		"NewLimiter: n tokens now, topped up to n at every tick":               "NewLimiter: 지금 토큰 n개를 주고, 틱마다 다시 n개까지 채우세요",
		"Wait: take a token, or give up when ctx is done or the limiter stops": "Wait: 토큰을 하나 가져가고, ctx가 끝나거나 제한기가 멈추면 포기하세요",
		"Stop: end the ticker goroutine and release every waiter":              "Stop: 티커 고루틴을 끝내고 기다리는 호출자를 모두 풀어 주세요",

		// lessons/12-select/limiter_test.go
		"Limiter admits n per period, at the start of each period":                      "Limiter는 주기가 시작될 때마다 n명씩 들여보낸다",
		"a new limiter has its whole allowance: the first Wait must return nil at once": "새 제한기는 허용량이 가득 차 있습니다. 첫 Wait는 곧바로 nil을 반환해야 합니다",
		"with callers always waiting, a limiter of 3 per second must admit exactly 3 at 0s, 3 at 1s, ... 3 at 9s (the map says how many were admitted at each time): at every tick of a time.Ticker set the allowance back to n. Careful: a send to a channel with a waiting receiver hands the value over and leaves the buffer as it was, so \"send until full\" gives out too many": "호출자가 늘 기다리고 있으면 초당 3명인 제한기는 0s에 정확히 3명, 1s에 3명, ... 9s에 3명을 들여보내야 합니다(맵은 각 시각에 몇 명이 들어갔는지 보여 줍니다). time.Ticker가 틱할 때마다 허용량을 다시 n으로 맞추세요. 조심하세요. 기다리는 수신자가 있는 채널에 보내면 값은 그 수신자에게 바로 넘어가고 버퍼는 그대로이므로, \"가득 찰 때까지 보내기\"는 토큰을 너무 많이 내줍니다",
		"Limiter does not save up allowance it did not use": "Limiter는 쓰지 않은 허용량을 모아 두지 않는다",
		"after 5.5s idle, 9 callers came: the limiter must admit 3 at once (this period's allowance), 3 at 6s and 3 at 7s. Unused allowance must not pile up: at each tick top it up to n, never beyond": "5.5s 동안 쉰 뒤 호출자 9명이 왔습니다. 제한기는 곧바로 3명(이번 주기의 허용량), 6s에 3명, 7s에 3명을 들여보내야 합니다. 쓰지 않은 허용량이 쌓이면 안 됩니다. 틱마다 n까지만 채우고 그 이상은 넣지 마세요",
		"Limiter sets the allowance back to n in each period, even when some was left":                                                                                                                   "Limiter는 허용량이 남아 있었더라도 주기마다 허용량을 n으로 되돌린다",
		"a limiter of 3 per second admitted 1 caller at 0s, then 4 callers came one after the other at 1.5s: the period that started at 1s has an allowance of 3, so 3 must be admitted at once and the fourth at 2s (the map says how many were admitted at each time). At the start of every period set the allowance back to n, whether or not the last period used it all": "초당 3명을 들여보내는 제한기가 0s에 1명을 들여보냈고, 1.5s에 호출자 4명이 차례로 왔습니다. 1s에 시작한 주기의 허용량은 3이므로 3명은 곧바로, 네 번째는 2s에 들여보내야 합니다(맵은 시각마다 들여보낸 호출자 수입니다). 지난 주기에 허용량을 다 썼든 안 썼든, 주기가 시작될 때마다 허용량을 n으로 되돌리세요",
		"Limiter gives up waiting when ctx is done": "Limiter는 ctx가 끝나면 기다리기를 포기한다",
		"this hour's allowance was used up and ctx expired at 2s: Wait must return ctx.Err() (select on ctx.Done() too)": "이번 한 시간 주기의 허용량을 다 썼고 ctx는 2s에 만료되었습니다. Wait는 ctx.Err()를 반환해야 합니다(ctx.Done()도 select하세요)",
		"Wait must give up the moment ctx expires (2s)":                                                                  "Wait는 ctx가 만료되는 순간(2s)에 포기해야 합니다",
		"the next period must admit a caller":                                                                            "다음 주기에는 호출자를 들여보내야 합니다",
		"the caller that gave up must not have used the next period's allowance: the next Wait must be admitted at 1h":   "포기한 호출자가 다음 주기의 허용량을 쓰면 안 됩니다. 다음 Wait는 1h에 들어가야 합니다",
		"Limiter takes no allowance for a ctx that is already done":                                                      "Limiter는 이미 끝난 ctx에는 허용량을 쓰지 않는다",
		"Wait with a ctx that was already done must return ctx.Err() and use no allowance, even with allowance left: look at ctx.Done() first, with a select that has a default case (a select with several ready cases picks at random)": "이미 끝난 ctx로 부른 Wait는 허용량이 남아 있어도 허용량을 쓰지 말고 ctx.Err()를 반환해야 합니다. default case가 있는 select로 ctx.Done()을 먼저 살펴보세요(준비된 case가 여럿인 select는 무작위로 고릅니다)",
		"the callers whose ctx was done must not have used this period's allowance: 2 must still be admitted at once, the third at 1s":                                                                                                    "ctx가 끝난 호출자들이 이번 주기의 허용량을 쓰면 안 됩니다. 여전히 2명이 곧바로 들어가고, 세 번째는 1s에 들어가야 합니다",
		"Limiter panics when made with n < 1 or per <= 0":                                                                                              "Limiter는 n < 1이나 per <= 0으로 만들면 패닉을 일으킨다",
		"NewLimiter(1, time.Second) and its Stop must not panic":                                                                                       "NewLimiter(1, time.Second)와 그 제한기의 Stop은 패닉을 일으키면 안 됩니다",
		"NewLimiter(%d, %v) must panic: a limiter needs n >= 1 and per > 0":                                                                            "NewLimiter(%d, %v) 호출은 패닉을 일으켜야 합니다. 제한기에는 n >= 1과 per > 0이 필요합니다",
		"Limiter Stop releases the waiters and leaves nothing running":                                                                                 "Limiter Stop은 기다리는 호출자를 풀어 주고 도는 것을 하나도 남기지 않는다",
		"the allowance was used up, so the waiting callers must wait for the next period":                                                              "허용량을 다 썼으므로 기다리는 호출자들은 다음 주기를 기다려야 합니다",
		"Stop must release every caller waiting in Wait (close a channel they all select on)":                                                          "Stop은 Wait에서 기다리는 호출자를 모두 풀어 주어야 합니다(모두가 select하는 채널을 닫으세요)",
		"a caller released by Stop must get ErrStopped":                                                                                                "Stop으로 풀려난 호출자는 ErrStopped를 받아야 합니다",
		"Wait after Stop must return ErrStopped, even with allowance left: look at the stop channel first, a select picks at random among ready cases": "Stop 뒤의 Wait는 허용량이 남아 있어도 ErrStopped를 반환해야 합니다. 멈춤 채널을 먼저 살펴보세요. select는 준비된 case 중에서 무작위로 고릅니다",
		"Wait after Stop must return ErrStopped whatever its ctx: look at the stop channel before ctx":                                                 "Stop 뒤의 Wait는 ctx가 어떻든 ErrStopped를 반환해야 합니다. ctx보다 멈춤 채널을 먼저 살펴보세요",
		"a second Stop must panic: it is an error to stop a limiter twice (closing a closed channel panics, so do not guard it with sync.Once)":        "두 번째 Stop은 패닉을 일으켜야 합니다. 제한기를 두 번 멈추는 것은 오류입니다(닫힌 채널을 닫으면 패닉이 나므로 sync.Once로 막지 마세요)",

		// lessons/12-select/merge.go
		"Merge: forward every input to one channel, close it after the last input closes": "Merge: 모든 입력의 값을 채널 하나로 옮기고, 마지막 입력이 닫힌 뒤에 그 채널을 닫으세요",

		// lessons/12-select/merge_test.go
		"Merge delivers every value the moment it is sent":                                                                                                          "Merge는 모든 값을 보내진 순간에 전달한다",
		"the merged channel was still open an hour after every input had closed: close it once every input is drained":                                              "모든 입력이 닫히고 한 시간이 지나도 합친 채널이 열려 있었습니다. 모든 입력을 다 읽으면 합친 채널을 닫으세요",
		"each value must arrive once, at the time it was sent: read every input at once, one goroutine per input, not one input after the other":                    "각 값은 보낸 시각에 한 번씩 도착해야 합니다. 입력을 하나씩 차례로 읽지 말고, 입력마다 고루틴을 하나씩 두어 모든 입력을 한꺼번에 읽으세요",
		"Merge closes only after the last input closes":                                                                                                             "Merge는 마지막 입력이 닫힌 뒤에야 닫힌다",
		"the merged channel was still open an hour after every input had closed: close it once every input is drained (a WaitGroup over the forwarding goroutines)": "모든 입력이 닫히고 한 시간이 지나도 합친 채널이 열려 있었습니다. 모든 입력을 다 읽으면 합친 채널을 닫으세요(값을 옮기는 고루틴들을 WaitGroup으로 기다리면 됩니다)",
		"the inputs closed at 1s, 1.5s and 3s, and the merged channel closed at %v: it must close when the last input closes, not before":                           "입력은 1s, 1.5s, 3s에 닫혔고 합친 채널은 %v에 닫혔습니다. 합친 채널은 그보다 먼저가 아니라 마지막 입력이 닫힐 때 닫혀야 합니다",
		"the value sent at 2s must arrive at 2s":                                                                                                                    "2s에 보낸 값은 2s에 도착해야 합니다",
		"Merge with no inputs returns a closed channel":                                                                                                             "입력이 없는 Merge는 닫힌 채널을 반환한다",
		"with no inputs there is nothing to wait for: Merge must return a channel that is (or soon is) closed":                                                      "입력이 없으면 기다릴 것도 없습니다. Merge는 닫혀 있는(또는 곧 닫히는) 채널을 반환해야 합니다",
		"with no inputs no value can arrive":                                                                                                                        "입력이 없으면 어떤 값도 도착할 수 없습니다",
		"with no inputs the merged channel must be closed at once":                                                                                                  "입력이 없으면 합친 채널은 곧바로 닫혀야 합니다",
		"Merge of inputs whose values are all ready keeps the order of each input":                                                                                  "Merge는 값이 모두 준비된 입력들을 합칠 때 입력마다 값의 순서를 지킨다",
		"every value of the first input must arrive once":                                                                                                           "첫 번째 입력의 값은 모두 한 번씩 도착해야 합니다",
		"every value of the second input must arrive once":                                                                                                          "두 번째 입력의 값은 모두 한 번씩 도착해야 합니다",
		"the values of one input came out of order (%v): forward each input's values one after the other, from one goroutine per input, not a goroutine per value":  "한 입력의 값들이 순서가 뒤바뀐 채 나왔습니다(%v). 값마다 고루틴을 두지 말고, 입력마다 고루틴 하나가 그 입력의 값을 차례로 옮기게 하세요",

		// lessons/12-select/timeout.go
		"WithTimeout: run f, give up after d and cancel f's context": "WithTimeout: f를 실행하고, d가 지나면 포기하고 f의 컨텍스트를 취소하세요",

		// lessons/12-select/timeout_test.go
		"WithTimeout returns f's result when f is in time":                                                                                                        "WithTimeout은 f가 제시간에 끝나면 f의 결과를 반환한다",
		"f succeeded after 1s, well inside the 5s timeout, so WithTimeout must return a nil error":                                                                "f가 타임아웃 5s보다 훨씬 이른 1s 뒤에 성공했으므로 WithTimeout은 nil 에러를 반환해야 합니다",
		"f returned in time, so WithTimeout must return its result":                                                                                               "f가 제시간에 반환했으므로 WithTimeout은 f의 결과를 반환해야 합니다",
		"WithTimeout must return as soon as f does (1s)":                                                                                                          "WithTimeout은 f가 반환하자마자(1s) 반환해야 합니다",
		"f failed in time, so WithTimeout must return f's own error":                                                                                              "f가 제시간에 실패했으므로 WithTimeout은 f의 에러를 그대로 반환해야 합니다",
		"WithTimeout must return as soon as f fails":                                                                                                              "WithTimeout은 f가 실패하자마자 반환해야 합니다",
		"WithTimeout gives up after exactly d and cancels f":                                                                                                      "WithTimeout은 정확히 d가 지나면 포기하고 f를 취소한다",
		"f never finished, so WithTimeout(2s) must fail with an error wrapping context.DeadlineExceeded":                                                          "f가 끝나지 않았으므로 WithTimeout(2s)는 context.DeadlineExceeded를 감싼 에러로 실패해야 합니다",
		"on a timeout WithTimeout must return the zero value":                                                                                                     "타임아웃이 나면 WithTimeout은 제로 값을 반환해야 합니다",
		"WithTimeout(2s) must give up after exactly 2s":                                                                                                           "WithTimeout(2s)는 정확히 2s가 지나면 포기해야 합니다",
		"f's context was never cancelled, so f would run for ever: give f a context from context.WithTimeout(ctx, d)":                                             "f의 컨텍스트가 한 번도 취소되지 않아서 f가 영원히 돌게 됩니다. f에 context.WithTimeout(ctx, d)로 만든 컨텍스트를 주세요",
		"WithTimeout does not wait for an f that is slow to stop":                                                                                                 "WithTimeout은 늦게 멈추는 f를 기다리지 않는다",
		"f took 10s, so WithTimeout(2s) must fail with an error wrapping context.DeadlineExceeded":                                                                "f가 10s 걸렸으므로 WithTimeout(2s)는 context.DeadlineExceeded를 감싼 에러로 실패해야 합니다",
		"WithTimeout returned after %v: it must give up at 2s even when f ignores its context, so run f in a goroutine and select on its result and the deadline": "WithTimeout이 %v 뒤에 반환했습니다. f가 컨텍스트를 무시해도 2s에 포기해야 하므로 f를 고루틴에서 실행하고 그 결과와 마감 시각을 select하세요",
		"WithTimeout gives up when ctx is cancelled first":                                                                                                        "WithTimeout은 ctx가 먼저 취소되면 포기한다",
		"ctx was cancelled at 1s, so WithTimeout must return ctx.Err()":                                                                                           "ctx가 1s에 취소되었으므로 WithTimeout은 ctx.Err()를 반환해야 합니다",
		"WithTimeout must give up when ctx is cancelled (1s), not wait for d":                                                                                     "WithTimeout은 d까지 기다리지 말고 ctx가 취소될 때(1s) 포기해야 합니다",
		"f's context must be derived from ctx, so that f sees ctx cancelled":                                                                                      "f가 ctx의 취소를 알아챌 수 있도록 f의 컨텍스트를 ctx에서 파생시켜야 합니다",

		// lessons/12-select/try.go
		"TrySend: send if that needs no waiting, otherwise return false": "TrySend: 기다리지 않고 보낼 수 있으면 보내고, 아니면 false를 반환하세요",
		"TryRecv: receive if a value is ready, otherwise return false":   "TryRecv: 준비된 값이 있으면 받고, 아니면 false를 반환하세요",

		// lessons/12-select/try_test.go
		"TrySend returns false at once when nobody can take the value":                        "TrySend는 값을 받아 갈 쪽이 없으면 곧바로 false를 반환한다",
		"the channel's buffer was full, so TrySend must not send":                             "채널의 버퍼가 가득 찼으므로 TrySend는 보내면 안 됩니다",
		"the value already in the buffer must be untouched":                                   "버퍼에 이미 있던 값은 그대로 있어야 합니다",
		"TrySend returned false, so it must not have sent anything":                           "TrySend가 false를 반환했으므로 아무것도 보내지 않았어야 합니다",
		"no receiver was waiting on the unbuffered channel, so TrySend must not send":         "버퍼 없는 채널에서 기다리는 수신자가 없었으므로 TrySend는 보내면 안 됩니다",
		"a send on a nil channel can never happen, so TrySend must return false":              "nil 채널로는 절대 보낼 수 없으므로 TrySend는 false를 반환해야 합니다",
		"TrySend waited: it must never block (select with a default case)":                    "TrySend가 기다렸습니다. TrySend는 절대 멈춰서 기다리면 안 됩니다(default case가 있는 select)",
		"TrySend sends when there is room or a waiting receiver":                              "TrySend는 버퍼에 자리가 있거나 기다리는 수신자가 있으면 보낸다",
		"the buffer had room, so TrySend must send":                                           "버퍼에 자리가 있었으므로 TrySend는 보내야 합니다",
		"the buffer had room for a second value, so TrySend must send":                        "버퍼에 두 번째 값이 들어갈 자리가 있었으므로 TrySend는 보내야 합니다",
		"the buffer of 2 was full, so TrySend must not send":                                  "크기 2인 버퍼가 가득 찼으므로 TrySend는 보내면 안 됩니다",
		"a receiver was waiting on the unbuffered channel, so TrySend must hand it the value": "버퍼 없는 채널에서 수신자가 기다리고 있었으므로 TrySend는 그 수신자에게 값을 넘겨야 합니다",
		"the waiting receiver must get the value TrySend sent":                                "기다리던 수신자는 TrySend가 보낸 값을 받아야 합니다",
		"TrySend panics on a closed channel, like any send":                                   "TrySend는 여느 송신처럼 닫힌 채널에서 패닉을 일으킨다",
		"TrySend on a closed channel (cap %d) returned instead of panicking: the contract says it panics, like any send, and a select's send case does so by itself. Do not recover the panic: a send on a closed channel is the caller's bug, and returning false would hide it": "닫힌 채널(cap %d)에 대한 TrySend가 패닉 없이 반환했습니다. 계약에 따르면 TrySend는 여느 송신처럼 패닉을 일으켜야 하고, select의 송신 case는 저절로 그렇게 됩니다. 패닉을 recover하지 마세요. 닫힌 채널에 보내는 것은 호출자의 버그이고, false를 반환하면 그 버그가 가려집니다",
		"TryRecv returns false at once when no value is ready":                                                                         "TryRecv는 준비된 값이 없으면 곧바로 false를 반환한다",
		"the channel was empty, so TryRecv must return false":                                                                          "채널이 비어 있었으므로 TryRecv는 false를 반환해야 합니다",
		"with nothing received TryRecv must return the zero value":                                                                     "받은 것이 없으면 TryRecv는 제로 값을 반환해야 합니다",
		"no sender was waiting on the unbuffered channel, so TryRecv must return false":                                                "버퍼 없는 채널에서 기다리는 송신자가 없었으므로 TryRecv는 false를 반환해야 합니다",
		"a receive from a nil channel can never happen, so TryRecv must return false":                                                  "nil 채널에서는 절대 받을 수 없으므로 TryRecv는 false를 반환해야 합니다",
		"TryRecv waited: it must never block (select with a default case)":                                                             "TryRecv가 기다렸습니다. TryRecv는 절대 멈춰서 기다리면 안 됩니다(default case가 있는 select)",
		"TryRecv takes a ready value, but none from a closed channel":                                                                  "TryRecv는 준비된 값을 받지만 닫힌 채널에서는 받지 않는다",
		"a value was in the buffer, so TryRecv must take it":                                                                           "버퍼에 값이 있었으므로 TryRecv는 그 값을 받아야 합니다",
		"TryRecv must return the value it received":                                                                                    "TryRecv는 받은 값을 반환해야 합니다",
		"a sender was waiting on the unbuffered channel, so TryRecv must take its value":                                               "버퍼 없는 채널에서 송신자가 기다리고 있었으므로 TryRecv는 그 송신자의 값을 받아야 합니다",
		"a closed channel still hands out the values left in its buffer":                                                               "닫힌 채널도 버퍼에 남은 값은 여전히 내줍니다",
		"the channel was closed and empty: a receive succeeds at once but gets no value, so TryRecv must return false (v, ok := <-ch)": "채널이 닫혀 있고 비어 있었습니다. 이때 수신은 곧바로 성공하지만 값은 얻지 못하므로 TryRecv는 false를 반환해야 합니다(v, ok := <-ch)",

		// lessons/12-select/context_test.go
		"First: %s":       "First: %s",
		"Gather: %s":      "Gather: %s",
		"WithTimeout: %s": "WithTimeout: %s",

		// lessons/12-select/merge_test.go
		"%d at %v": "=",

		// lessons/12-select/selects_suite_test.go
		"12 select": "=",

		// lessons/12-select/first_test.go
		"First returned %v: on failure First must return the zero value, not the value a failed task returned with its error":                                                                                                                                                                 "First가 반환한 값: %v. 실패하면 First는 실패한 태스크가 에러와 함께 돌려준 값이 아니라 제로 값을 반환해야 합니다",
		"ctx was already done when First was called, and the two tasks took 1s and 2s to stop, but First returned after %v: a ctx that is already done does not make First return by itself either (no early return on ctx.Err()): run the tasks, and fail once the last one has failed (2s)": "First를 호출할 때 ctx는 이미 끝나 있었고 두 태스크는 멈추는 데 각각 1s와 2s가 걸렸는데, First는 %v 뒤에 반환했습니다. 이미 끝난 ctx도 그것만으로 First를 반환시키지 않습니다(ctx.Err()를 보고 일찍 반환하지 마세요). 태스크들을 실행하고, 마지막 태스크가 실패했을 때(2s) 실패하세요",
		"First returned %q: with ctx already done every task fails, and First's error must wrap every task's error (errors.Join)":                                                                                                                                                             "First가 반환한 에러: %q. ctx가 이미 끝나 있으면 모든 태스크가 실패하므로, First의 에러는 모든 태스크의 에러를 감싸야 합니다(errors.Join)",

		// lessons/12-select/gather_test.go
		"Gather returned %q: it must return the first error alone, not joined to the errors the cancelled tasks returned because they were cancelled": "Gather가 반환한 에러: %q. 취소된 태스크들이 취소되었기 때문에 돌려준 에러와 합치지 말고, 첫 번째 에러만 반환해야 합니다",

		// lessons/12-select/timeout_test.go
		"WithTimeout(%v) must fail with an error wrapping context.DeadlineExceeded: a d of zero or less has passed already, as with context.WithTimeout: it does not mean \"no time limit\"": "WithTimeout(%v) 호출은 context.DeadlineExceeded를 감싼 에러로 실패해야 합니다. context.WithTimeout과 마찬가지로 0 이하의 d는 이미 지난 시간이며, \"시간 제한 없음\"이라는 뜻이 아닙니다",
		"WithTimeout(%v) must give up at once: a d of zero or less has passed already":                                                                                                       "WithTimeout(%v) 호출은 곧바로 포기해야 합니다. 0 이하의 d는 이미 지난 시간입니다",
		"WithTimeout(%v) gave up, so f's context must be done":                                                                                                                               "WithTimeout(%v) 호출이 포기했으므로 f의 컨텍스트는 끝나 있어야 합니다",
		"ctx was cancelled, so WithTimeout must return ctx.Err()":                                                                                                                            "ctx가 취소되었으므로 WithTimeout은 ctx.Err()를 반환해야 합니다",
		"ctx was cancelled at 1s and f took 2s more to stop, but WithTimeout returned after %v: it must give up the moment ctx is done, whether f has returned or not (select on ctx.Done(), not only on f's result and a timer)": "ctx는 1s에 취소되었고 f는 멈추는 데 2s가 더 걸렸는데, WithTimeout은 %v 뒤에 반환했습니다. f가 반환했든 안 했든 ctx가 끝나는 순간 포기해야 합니다(f의 결과와 타이머만이 아니라 ctx.Done()에서도 select하세요)",

		// lessons/12-select/gather_test.go
		"Gather returned at %v: ctx expired at 2s, and one task took until 2.5s to stop: Gather must fail then, once every task has returned, not the moment ctx is done": "Gather가 %v에 반환했습니다. ctx는 2s에 만료되었고 한 태스크는 2.5s가 되어서야 멈췄습니다. Gather는 ctx가 끝나는 순간이 아니라, 모든 태스크가 반환한 그때 실패해야 합니다",
	})
}
