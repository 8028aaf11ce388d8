package msg

// The Korean of what lesson 01-goroutines's specs say (see specKorean).
func init() {
	addSpecs(map[string]string{
		// lessons/01-goroutines/download.go
		"DownloadAll: download every URL in a goroutine of its own and wait for all of them": "DownloadAll: URL마다 고루틴을 하나씩 띄워 내려받고, 모두 끝날 때까지 기다리세요",

		// lessons/01-goroutines/download_test.go
		"DownloadAll downloads the ten images at the same time":                                                                                     "DownloadAll은 이미지 열 장을 동시에 내려받는다",
		"DownloadAll must request each of the %d images once":                                                                                       "DownloadAll은 이미지 %d장을 각각 한 번씩 요청해야 합니다",
		"the downloads ran one after another (55 s, the sum of all ten): start each one in its own goroutine":                                       "다운로드가 하나씩 차례로 실행되었습니다(열 장을 모두 더한 55초). 다운로드마다 고루틴을 따로 띄워 시작하세요",
		"ten downloads at the same time should take as long as the slowest one (10 s), took %v":                                                     "다운로드 열 개를 동시에 하면 가장 느린 것만큼(10초) 걸려야 하는데, %v 걸렸습니다",
		"only %d downloads were in flight at once, want all %d":                                                                                     "동시에 진행된 다운로드가 %d개뿐입니다. %d개가 모두 동시에 진행되어야 합니다",
		"DownloadAll downloads many more URLs at the same time too":                                                                                 "DownloadAll은 URL이 훨씬 많아도 모두 동시에 내려받는다",
		"DownloadAll must return one Result per URL":                                                                                                "DownloadAll은 URL마다 Result를 하나씩 반환해야 합니다",
		"DownloadAll must request each of the %d URLs once":                                                                                         "DownloadAll은 URL %d개를 각각 한 번씩 요청해야 합니다",
		"only %d of %d downloads were in flight at once: start every download at the same time, without a cap on how many run at once":              "다운로드 %[2]d개 중 동시에 진행된 것은 %[1]d개뿐입니다. 한꺼번에 도는 개수에 상한을 두지 말고 모든 다운로드를 동시에 시작하세요",
		"%d downloads at the same time should take as long as the slowest one (10 s), took %v":                                                      "다운로드 %d개를 동시에 하면 가장 느린 것만큼(10초) 걸려야 하는데, %v 걸렸습니다",
		"DownloadAll waits for a download however long it takes":                                                                                    "DownloadAll은 다운로드가 아무리 오래 걸려도 기다린다",
		"the download of %s takes %v and must not be given up: DownloadAll returns once every download has finished, with no time limit of its own": "%s 다운로드는 %v 걸리는데, 도중에 포기하면 안 됩니다. DownloadAll은 자체 제한 시간 없이 모든 다운로드가 끝나면 반환합니다",
		"the body of %s is not the image the server sent":                                                                                           "%s의 본문이 서버가 보낸 이미지와 다릅니다",
		"the slowest download takes %v, so DownloadAll should take exactly that, took %v":                                                           "가장 느린 다운로드가 %v 걸리므로 DownloadAll도 정확히 그만큼 걸려야 하는데, %v 걸렸습니다",
		"DownloadAll returns no results for no URLs":                                                                                                "DownloadAll은 URL이 없으면 결과도 없이 반환한다",
		"DownloadAll of no URLs has no results":                                                                                                     "URL 없이 부른 DownloadAll은 결과가 없어야 합니다",
		"with nothing to download, DownloadAll should return at once":                                                                               "내려받을 것이 없으면 DownloadAll은 곧바로 반환해야 합니다",
		"DownloadAll returns every body intact, in the order of the URLs":                                                                           "DownloadAll은 모든 본문을 URL 순서대로 온전하게 반환한다",
		"results[%d] is for %s, want %s: put each Result at its URL's index, not in the order downloads finish":                                     "results[%d]에 %s의 결과가 들어 있는데, %s의 결과가 있어야 합니다. 각 Result를 다운로드가 끝난 순서대로 넣지 말고 자기 URL의 인덱스 자리에 넣으세요",
		"the body of %s is not the image the server sent (%d bytes, want %d)":                                                                       "%s의 본문이 서버가 보낸 이미지와 다릅니다(%d바이트, 기대한 크기는 %d바이트)",
		"DownloadAll reports a failed download without losing the others":                                                                           "DownloadAll은 실패한 다운로드를 알리면서도 나머지 다운로드를 잃지 않는다",
		"DownloadAll must return one Result per URL, failed ones included":                                                                          "DownloadAll은 실패한 것까지 포함해 URL마다 Result를 하나씩 반환해야 합니다",
		"results[2] must be the Result for %s":                                                                                                      "results[2]에는 %s의 Result가 있어야 합니다",
		"%s answers 404 Not Found: its Result must carry an error":                                                                                  "%s 요청에는 404 Not Found 응답이 옵니다. 그 Result에는 에러가 담겨 있어야 합니다",
		"results[%d] must be the Result for %s":                                                                                                     "results[%d]에는 %s의 Result가 있어야 합니다",
		"the request for %s fails: its Result must carry an error":                                                                                  "%s 요청은 실패합니다. 그 Result에는 에러가 담겨 있어야 합니다",
		"one missing image must not spoil the download of %s":                                                                                       "이미지 하나가 없다고 해서 %s 다운로드까지 망치면 안 됩니다",
		"the body of %s is missing":                                                                                                                 "%s의 본문이 비어 있습니다",

		// lessons/01-goroutines/goroutines.go
		"Start: run target(arg) in a new goroutine, counted in a WaitGroup": "Start: WaitGroup으로 세면서 새 고루틴에서 target(arg)를 실행하세요",
		"Join: wait until every started goroutine has returned":             "Join: 시작한 고루틴이 모두 반환할 때까지 기다리세요",
		"Pids: start n goroutines that each report os.Getpid()":             "Pids: 저마다 os.Getpid()를 알려 주는 고루틴 n개를 시작하세요",

		// lessons/01-goroutines/goroutines_test.go
		"Group Join returns at once when nothing was started":                                                                                             "Group Join은 시작한 것이 없으면 곧바로 반환한다",
		"Join on an empty Group must not wait":                                                                                                            "빈 Group에서 Join은 기다리면 안 됩니다",
		"Group Start returns at once and Join waits for the target":                                                                                       "Group Start는 곧바로 반환하고 Join은 target을 기다린다",
		"Start waited for the target to finish: run the target in a new goroutine with the go statement":                                                  "Start가 target이 끝날 때까지 기다렸습니다. go 문으로 target을 새 고루틴에서 실행하세요",
		"Join returned while the target was still running: did you wait on the WaitGroup?":                                                                "target이 아직 실행 중인데 Join이 반환했습니다. WaitGroup으로 기다렸나요?",
		"the target sleeps for an hour, so Join should return after exactly an hour":                                                                      "target이 한 시간 동안 잠드므로 Join은 정확히 한 시간 뒤에 반환해야 합니다",
		"Group Join waits for every started goroutine":                                                                                                    "Group Join은 시작한 고루틴을 모두 기다린다",
		"Join returned before every goroutine had finished (finished: %v): count each goroutine in the WaitGroup before its go statement, and wait on it": "모든 고루틴이 끝나기 전에 Join이 반환했습니다(끝났는지 여부: %v). 고루틴마다 go 문보다 먼저 WaitGroup에 세고, 그 WaitGroup으로 기다리세요",
		"three goroutines sleeping %v, %v and %v at the same time should take %v, the longest, and Join should return the moment the last one does; took %v: wait on the WaitGroup, do not sleep or poll": "고루틴 세 개가 동시에 각각 %v, %v, %v 동안 잠들면 가장 긴 %v만큼 걸리고, Join은 마지막 고루틴이 끝나는 순간 반환해야 하는데 %v 걸렸습니다. sleep이나 폴링을 하지 말고 WaitGroup으로 기다리세요",
		"Group takes Starts from many goroutines at once": "Group은 여러 고루틴이 동시에 부르는 Start를 받아들인다",
		"%d goroutines called Start at the same time, and Join returned before every target had finished (finished: %v): Start may be called from several goroutines at once, so what it counts must be safe for that (a WaitGroup is)": "고루틴 %d개가 동시에 Start를 불렀는데, 모든 target이 끝나기 전에 Join이 반환했습니다(끝났는지 여부: %v). Start는 여러 고루틴에서 동시에 불릴 수 있으니 개수를 세는 곳도 동시에 써도 안전해야 합니다(WaitGroup은 안전합니다)",
		"the longest of the %d targets sleeps %d minutes, so Join should return after exactly %v; it took %v":                                                                                                                           "target %d개 중 가장 긴 것이 %d분 동안 잠드므로 Join은 정확히 %v 뒤에 반환해야 하는데, %v 걸렸습니다",
		"Group runs every target at the same time, however many": "Group은 target이 아무리 많아도 모두 동시에 실행한다",
		"each of the %d targets must be called once":             "target %d개가 각각 한 번씩 호출되어야 합니다",
		"only %d of %d targets ran at once, want all of them: Start must give every target a new goroutine of its own, not a place in a queue or a pool of workers": "target %[2]d개 중 동시에 실행된 것은 %[1]d개뿐인데, 모두 동시에 실행되어야 합니다. Start는 target마다 큐나 워커 풀의 자리가 아니라 자기만의 새 고루틴을 주어야 합니다",
		"Group lets several goroutines Join at once": "Group에서는 여러 고루틴이 동시에 Join할 수 있다",
		"one of %d goroutines calling Join at once returned when only %d of %d targets had finished: every Join must wait for all of them": "동시에 Join을 부른 고루틴 %[1]d개 중 하나가 target %[3]d개 중 %[2]d개만 끝난 시점에 반환했습니다. 모든 Join은 target이 전부 끝날 때까지 기다려야 합니다",
		"every Join should return when the last target ends, after %v; one returned after %v":                                              "모든 Join은 마지막 target이 끝나는 %v 뒤에 반환해야 하는데, 그중 하나가 %v 뒤에 반환했습니다",
		"Group can be used again after Join": "Group은 Join한 뒤에도 다시 쓸 수 있다",
		"in round %d, Join returned before the target had finished: a Group must work again after Join, so do not remember that it was joined":              "%d번째 라운드에서 target이 끝나기 전에 Join이 반환했습니다. Group은 Join한 뒤에도 다시 동작해야 하니 join했다는 사실을 기억해 두지 마세요",
		"in round %d, Join should wait exactly the hour the target sleeps":                                                                                  "%d번째 라운드에서 Join은 target이 잠드는 한 시간을 정확히 기다려야 합니다",
		"Group Start passes each target its own argument":                                                                                                   "Group Start는 target마다 그 target의 인자를 넘긴다",
		"each target must be called once, with the argument given to its Start":                                                                             "각 target은 자기 Start에 넘긴 인자로 한 번씩 호출되어야 합니다",
		"Pids sees the test's own pid in every goroutine":                                                                                                   "Pids는 모든 고루틴에서 테스트 자신의 pid를 본다",
		"Pids(%d, ...) must return one pid per goroutine":                                                                                                   "Pids(%d, ...)의 결과에는 고루틴마다 pid가 하나씩 있어야 합니다",
		"every goroutine runs inside this very process, so each must see its pid %d":                                                                        "모든 고루틴은 바로 이 프로세스 안에서 돌므로, 각 고루틴이 보는 pid는 이 프로세스의 pid인 %d 값이어야 합니다",
		"Pids(%d, ...): each of the %d goroutines must call ready exactly once":                                                                             "Pids(%d, ...): 고루틴 %d개가 각각 ready를 정확히 한 번 불러야 합니다",
		"Pids runs n goroutines at the same time":                                                                                                           "Pids는 고루틴 n개를 동시에 실행한다",
		"each of the %d goroutines must call ready exactly once":                                                                                            "고루틴 %d개가 각각 ready를 정확히 한 번 불러야 합니다",
		"only %d goroutines were in ready at once, want %d: start them all before waiting, each with the go statement, and do not cap how many run at once": "동시에 ready 안에 있던 고루틴은 %d개뿐인데, %d개여야 합니다. 기다리기 전에 고루틴을 모두 go 문으로 하나씩 시작하고, 한꺼번에 도는 개수에 상한을 두지 마세요",
		"Pids returns only once every goroutine has finished":                                                                                               "Pids는 모든 고루틴이 끝난 뒤에야 반환한다",
		"Pids returned while %d goroutines were still inside ready: wait for the goroutines to finish, not just for their pids":                             "고루틴 %d개가 아직 ready 안에 있는데 Pids가 반환했습니다. pid만 기다리지 말고 고루틴이 끝날 때까지 기다리세요",
		"ready takes a second in every goroutine at once, so Pids should take a second":                                                                     "ready는 모든 고루틴에서 동시에 1초씩 걸리므로 Pids는 1초 걸려야 합니다",

		// lessons/01-goroutines/market.go
		"Market: run the buyer and the seller concurrently, then close the market": "Market: 매수자와 매도자를 동시에 실행한 다음 장을 마감하세요",

		// lessons/01-goroutines/market_test.go
		"Market runs the buyer and the seller at the same time":                                         "Market은 매수자와 매도자를 동시에 실행한다",
		"the session took %v, the buyer's time plus the seller's: run each worker in its own goroutine": "거래 세션이 매수자의 시간과 매도자의 시간을 더한 %v만큼 걸렸습니다. 작업자마다 자기 고루틴에서 실행하세요",
		"with both workers running at once the session takes one worker's time, %v; it took %v":         "두 작업자가 동시에 돌면 세션은 작업자 하나의 시간인 %v만큼 걸려야 하는데, %v 걸렸습니다",
		"Market closes the market after both workers are done":                                          "Market은 두 작업자가 모두 끝난 뒤에 장을 마감한다",
		"Market must return its log": "Market은 로그를 반환해야 합니다",
		"the first line must be %q":  "첫 줄은 다음과 같아야 합니다: %q",
		"the last line must be %q, written after both workers are done: did main wait for them?":                                            "마지막 줄은 두 작업자가 모두 끝난 뒤에 쓰는 %q 줄이어야 합니다. main이 두 작업자를 기다렸나요?",
		"the log must hold the opening line, %d lines from each worker and the closing line; got %d lines: did main wait for both workers?": "로그에는 시작 줄, 작업자마다 %d줄, 그리고 마감 줄이 있어야 하는데 %d줄이 있습니다. main이 두 작업자를 모두 기다렸나요?",
		"Market waits for the slower worker, whichever it is":                                                                               "Market은 어느 쪽이든 더 느린 작업자를 기다린다",
		"%s checking the news":  "=",
		"%s calling the broker": "=",
		"%s having a coffee":    "=",
		"with the %s doing %d steps a round, the log must hold every line of both workers; got %d lines: Market must wait for both workers, not for one of them and not for a fixed time": "%s 작업자가 라운드마다 %d단계를 밟으면 로그에는 두 작업자의 줄이 모두 있어야 하는데 %d줄이 있습니다. Market은 한 작업자만 기다리거나 정해진 시간만큼 기다리지 말고 두 작업자를 모두 기다려야 합니다",
		"the last line must be %q, written after both workers are done, the slower %s too":                                                                                                "마지막 줄은 더 느린 %[2]s 작업자까지 두 작업자가 모두 끝난 뒤에 쓰는 %[1]q 줄이어야 합니다",
		"the %s takes %v and the other worker less, so the session should take %v; it took %v: wait for both workers to finish, do not work out how long they should take":                "%s 작업자는 %v, 다른 작업자는 그보다 덜 걸리므로 세션은 %v 걸려야 하는데 %v 걸렸습니다. 작업자들이 얼마나 걸릴지 계산하지 말고 두 작업자가 끝날 때까지 기다리세요",
		"Market keeps every line of a long session": "Market은 긴 세션에서도 로그의 줄을 하나도 잃지 않는다",
		"a session of %d rounds logs %d lines from each worker, and the opening and closing lines; got %d lines: the log must grow with the session, whatever its length, so do not give it (or a channel it goes through) a fixed size": "%d라운드 세션의 로그에는 작업자마다 %d줄, 그리고 시작 줄과 마감 줄이 있어야 하는데 %d줄이 있습니다. 세션이 얼마나 길든 로그가 그만큼 늘어날 수 있어야 하니, 로그에도 로그가 거쳐 가는 채널에도 크기를 정해 두지 마세요",
		"the last line must be %q, written after both workers are done":                 "마지막 줄은 두 작업자가 모두 끝난 뒤에 쓰는 %q 줄이어야 합니다",
		"a session of %d rounds takes one worker's time, %v; it took %v":                "%d라운드 세션은 작업자 하나의 시간인 %v만큼 걸려야 하는데, %v 걸렸습니다",
		"Market opens and closes at once with no rounds":                                "Market은 라운드가 없으면 장을 열자마자 닫는다",
		"a session of 0 rounds logs only the opening and the closing line":              "0라운드 세션의 로그에는 시작 줄과 마감 줄만 있어야 합니다",
		"a session of 0 rounds takes no time":                                           "0라운드 세션은 시간이 전혀 걸리지 않아야 합니다",
		"Market keeps each worker's steps in order":                                     "Market은 작업자마다 단계의 순서를 지킨다",
		"the %s lines must be its %d steps, %d rounds over, in order; got %d lines: %q": "%s 줄들은 그 작업자의 %d단계를 %d라운드 동안 순서대로 되풀이한 것이어야 하는데, %d줄이 있습니다: %q",

		// lessons/01-goroutines/orders.go
		"PlaceAll: call place(&order) for every order, each in its own goroutine": "PlaceAll: 주문마다 고루틴을 따로 띄워 place(&order)를 부르세요",

		// lessons/01-goroutines/orders_test.go
		"PlaceAll gives each call its own order": "PlaceAll은 호출마다 그 호출만의 주문을 준다",
		"each order must be placed exactly once, but the calls saw %v: did every goroutine get a pointer to one shared variable? Give each goroutine a variable of its own": "주문마다 정확히 한 번씩 넣어야 하는데, 호출들이 본 주문 ID는 %v입니다. 모든 고루틴이 공유 변수 하나를 가리키는 포인터를 받지 않았나요? 고루틴마다 자기만의 변수를 주세요",
		"no two calls may receive the same *Order":     "두 호출이 같은 *Order를 받으면 안 됩니다",
		"PlaceAll places every order at the same time": "PlaceAll은 모든 주문을 동시에 넣는다",
		"only %d calls of place ran at once, want %d: start each call with the go statement instead of calling place yourself, and do not cap how many run at once": "동시에 실행된 place 호출은 %d개뿐인데, %d개여야 합니다. place를 직접 부르지 말고 호출마다 go 문으로 시작하고, 한꺼번에 도는 개수에 상한을 두지 마세요",
		"PlaceAll hands each call a copy that only that call changes":     "PlaceAll은 호출마다 그 호출만 바꾸는 복사본을 건넨다",
		"the calls for orders %v saw their order changed by another call": "주문 %v에 대한 호출에서 자기 주문을 다른 호출이 바꿔 놓았습니다",
		"PlaceAll changed the caller's slice: each call must get a pointer to a copy of its order (the range variable, say), not into orders, so what place changes stays with that call": "PlaceAll이 호출한 쪽의 슬라이스를 바꿨습니다. 각 호출에는 orders 안을 가리키는 포인터가 아니라 자기 주문의 복사본(예를 들면 range 변수)을 가리키는 포인터를 주어서, place가 바꾼 내용이 그 호출 안에만 머물게 하세요",
		"PlaceAll does nothing for no orders":                                                                  "PlaceAll은 주문이 없으면 아무것도 하지 않는다",
		"with no orders, place must not be called":                                                             "주문이 없으면 place를 부르면 안 됩니다",
		"PlaceAll returns once every call has returned":                                                        "PlaceAll은 모든 호출이 반환한 뒤에 반환한다",
		"PlaceAll returned while calls of place were still running: wait for every goroutine before returning": "place 호출이 아직 실행 중인데 PlaceAll이 반환했습니다. 반환하기 전에 모든 고루틴을 기다리세요",
		"the slowest call takes 6 s and they all run at once, so PlaceAll should take 6 s":                     "가장 느린 호출이 6초 걸리고 모든 호출이 동시에 돌므로 PlaceAll은 6초 걸려야 합니다",

		// lessons/01-goroutines/download_test.go
		"<image %d>":     "=",
		"downloading %s": "%s 내려받기",

		// lessons/01-goroutines/goroutines_suite_test.go
		"01 goroutines": "=",
	})
}
