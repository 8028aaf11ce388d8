package msg

// The Korean of what lesson 13-crawler's specs say (see specKorean).
func init() {
	addSpecs(map[string]string{
		// lessons/13-crawler/crawler.go
		"Crawl: fetch level by level with at most opts.Workers fetches in flight, each page once": "Crawl: 레벨별로 가져오되 동시에 진행 중인 가져오기는 최대 opts.Workers개로 하고, 페이지마다 한 번만 가져오세요",

		// lessons/13-crawler/crawler_bench_test.go
		"crawl found %d pages (want %d), error %v":                                                   "크롤링이 찾은 페이지: %d개(%d개여야 합니다), 에러: %v",
		"<li><a href=\"https://elsewhere.test/item/%d?ref=threadlings&amp;n=%d\">item %d</a></li>\n": "=",

		// lessons/13-crawler/crawler_test.go
		"Crawl fetches every reachable page exactly once":                                                                                 "Crawl은 닿을 수 있는 모든 페이지를 정확히 한 번씩 가져온다",
		"Crawl returns an error only when its context ends; failing pages go into Result.Errors":                                          "Crawl은 컨텍스트가 끝났을 때만 에러를 반환합니다. 실패한 페이지는 Result.Errors에 들어갑니다",
		"pages were fetched more than once (%s): the links go round in circles, so keep a set of the URLs seen and never fetch one twice": "두 번 이상 가져온 페이지가 있습니다(%s). 링크는 빙글빙글 돌기 마련이므로 이미 본 URL의 집합을 두고, 어떤 URL도 두 번 가져오지 마세요",
		"Crawl must fetch every page it can reach from the start page, and no other":                                                      "Crawl은 시작 페이지에서 닿을 수 있는 페이지를 모두 가져오고, 그 밖의 페이지는 가져오지 않아야 합니다",
		"every page fetched must be in the Result: in Pages if it was fetched successfully, in Errors if not":                             "가져온 페이지는 모두 Result에 있어야 합니다. 가져오기에 성공했으면 Pages에, 실패했으면 Errors에 넣으세요",
		"Crawl fetches a page that two pages link to only once":                                                                           "Crawl은 두 페이지가 링크하는 페이지를 한 번만 가져온다",
		"/a and /b both link to /x and finish at the same moment; /x was fetched %d times: checking whether a URL was seen and marking it seen must be one step under one lock, done when the link is found (not after the page is fetched)": "/a와 /b가 둘 다 /x를 링크하고 같은 순간에 끝나는데, /x를 %d번 가져왔습니다. URL을 본 적이 있는지 확인하는 일과 본 것으로 표시하는 일은 락 하나를 잡고 한 단계로 해야 하며, 페이지를 가져온 뒤가 아니라 링크를 찾은 순간에 해야 합니다",
		"Crawl keeps at most Workers fetches in flight, and that many at once":                                                                                                                                       "Crawl은 진행 중인 가져오기를 최대 Workers개로 유지하고, 실제로 그만큼을 동시에 진행한다",
		"the start page and its 12 links must each be fetched once":                                                                                                                                                  "시작 페이지와 그 페이지의 링크 12개를 각각 한 번씩 가져와야 합니다",
		"%d fetches were in flight at once with Workers: 3: take a place in a semaphore (a buffered channel of size Workers) before each fetch and give it back after":                                               "Workers: 3인데 가져오기 %d개가 동시에 진행 중이었습니다. 가져오기 전마다 세마포어(크기가 Workers인 버퍼 채널)에서 자리를 잡고, 끝나면 돌려주세요",
		"only %d fetches ran at a time with Workers: 3: the 12 pages of depth 1 must be fetched by 3 goroutines at once":                                                                                             "Workers: 3인데 한 번에 진행된 가져오기가 최대 %d개뿐이었습니다. 깊이 1의 페이지 12개는 고루틴 3개가 동시에 가져와야 합니다",
		"Crawl fetches no page deeper than MaxDepth":                                                                                                                                                                 "Crawl은 MaxDepth보다 깊은 페이지를 가져오지 않는다",
		"with MaxDepth: %d, Crawl fetched pages deeper than that: %s":                                                                                                                                                "MaxDepth: %d인데 Crawl이 그보다 깊은 페이지를 가져왔습니다: %s",
		"with MaxDepth: %d, Crawl must fetch every page up to that depth, start page 0, but missed %s":                                                                                                               "MaxDepth: %d이면 Crawl은 그 깊이까지의 페이지를 모두 가져와야 하는데(시작 페이지가 깊이 0), 빠뜨린 페이지가 있습니다: %s",
		"with MaxDepth: %d, Result.Pages gives %s depth %d, want %d (the number of links from the start page)":                                                                                                       "MaxDepth: %d일 때 Result.Pages에 적힌 %s의 깊이는 %d입니다. 올바른 깊이는 %d입니다(시작 페이지에서 그 페이지까지 거치는 링크 수)",
		"Crawl returns once no page is left, however large MaxDepth is":                                                                                                                                              "Crawl은 MaxDepth가 아무리 커도 남은 페이지가 없으면 반환한다",
		"with MaxDepth: math.MaxInt (no limit, in effect), Crawl must fetch the whole site and return once no page is left to fetch, not go on through empty levels":                                                 "MaxDepth: math.MaxInt일 때(사실상 제한 없음) Crawl은 사이트 전체를 가져오고, 가져올 페이지가 남지 않으면 빈 레벨을 계속 돌지 말고 반환해야 합니다",
		"Crawl measures depth along the shortest path, even when that path is slow":                                                                                                                                  "Crawl은 최단 경로가 느리더라도 그 경로를 따라 깊이를 잰다",
		"/c is 2 links from the start (through /a, which is slow) and 3 through /b and /d (quick): Result.Pages says %v. Fetches finish in any order: finish all pages of one depth before you fetch the next depth": "/c는 시작 페이지에서 링크 2개(느린 /a를 거쳐) 또는 3개(빠른 /b와 /d를 거쳐) 떨어져 있습니다. Result.Pages의 내용: %v. 가져오기는 아무 순서로나 끝납니다. 한 깊이의 페이지를 모두 끝낸 뒤에 다음 깊이를 가져오세요",
		"/e is 3 links from the start (through /a and /c) and MaxDepth is 3, but it was never fetched: /c was taken for a page of depth 3. Finish all pages of one depth before you fetch the next depth":            "/e는 시작 페이지에서 링크 3개 거리이고(/a와 /c를 거쳐) MaxDepth는 3인데, /e를 한 번도 가져오지 않았습니다. /c를 깊이 3의 페이지로 잘못 보았기 때문입니다. 한 깊이의 페이지를 모두 끝낸 뒤에 다음 깊이를 가져오세요",
		"/f is 4 links from the start, deeper than MaxDepth 3":                                                                                                                                                       "/f는 시작 페이지에서 링크 4개 거리로, MaxDepth 3보다 깊습니다",
		"Crawl records failing pages and crawls on":                                                                                                                                                                  "Crawl은 실패한 페이지를 기록하고 크롤링을 계속한다",
		"pages failed, but that is no reason to fail the crawl: put them in Result.Errors, go on with the others and return a nil error":                                                                             "페이지가 실패했다고 크롤링까지 실패할 이유는 없습니다. 실패한 페이지는 Result.Errors에 넣고, 나머지 페이지를 계속 가져오고, nil 에러를 반환하세요",
		"/gone answers 404 and /broken 500: Result.Errors must hold exactly those two pages":                                                                                                                         "/gone은 404로, /broken은 500으로 답합니다. Result.Errors에는 정확히 이 두 페이지만 있어야 합니다",
		"Result.Errors[%s] must be the error that fetch returned, not nil":                                                                                                                                           "Result.Errors[%s] 값은 nil이 아니라 fetch가 반환한 에러여야 합니다",
		"the quick failures of /gone and /broken must not stop the crawl: /slow, /deeper and /deepest are still to be fetched, got %v":                                                                               "/gone과 /broken이 빨리 실패했다고 크롤링이 멈추면 안 됩니다. /slow, /deeper, /deepest는 그 뒤에도 가져와야 합니다. 실제 결과: %v",
		"/never is linked only from /broken, which failed: its links are unknown":                                                                                                                                    "/never는 실패한 /broken에서만 링크됩니다. 실패한 페이지의 링크는 알 수 없습니다",
		"/broken failed once: it must not be fetched again when /deepest links to it":                                                                                                                                "/broken은 이미 한 번 실패했습니다. /deepest가 링크한다고 다시 가져오면 안 됩니다",
		"Crawl stops at once when the context is cancelled":                                                                                                                                                          "Crawl은 컨텍스트가 취소되면 곧바로 멈춘다",
		"the context ended 4 s into the crawl, while three 10 s pages were in flight; Crawl returned after %v: pass ctx to fetch, and stop waiting for a worker's place when ctx is done":                            "10 s짜리 페이지 세 개를 가져오는 중에 크롤링 4 s 시점에서 컨텍스트가 끝났는데, Crawl은 %v 뒤에 반환했습니다. fetch에 ctx를 넘기고, ctx가 끝나면 워커 자리를 기다리는 것도 그만두세요",
		"a crawl cut short by its context must return ctx.Err()":                                                                                                                                                     "컨텍스트 때문에 중간에 끊긴 크롤링은 ctx.Err()를 반환해야 합니다",
		"Crawl returned, but %d of its requests are still going on: make every request with ctx, and wait for every goroutine you started before returning":                                                          "Crawl은 반환했지만 요청 %d개가 아직 진행 중입니다. 모든 요청을 ctx로 만들고, 반환하기 전에 시작한 고루틴을 모두 기다리세요",
		"the start page was fetched before the context ended: it belongs in Result.Pages":                                                                                                                            "시작 페이지는 컨텍스트가 끝나기 전에 가져왔으므로 Result.Pages에 있어야 합니다",
		"after the context ended, Crawl must not start any more fetches: the site got %d requests, want 4 (the start page and the three in flight)":                                                                  "컨텍스트가 끝난 뒤에는 Crawl이 가져오기를 더 시작하면 안 됩니다. 사이트가 받은 요청은 %d개인데, 4개(시작 페이지와 진행 중이던 세 페이지)여야 합니다",
		"Crawl puts every page it asked for in one map when it is cut short":                                                                                                                                         "Crawl은 중간에 끊기면 요청한 페이지를 빠짐없이 두 맵 중 한 곳에 넣는다",
		"only the start page was fetched before the context ended":                                                                                                                                                   "컨텍스트가 끝나기 전에 가져온 페이지는 시작 페이지뿐입니다",
		"the three pages in flight were cut short: they belong in Result.Errors, and the three still waiting for a worker's place in neither map; got %v":                                                            "진행 중이던 세 페이지는 중간에 끊겼으므로 Result.Errors에 있어야 하고, 아직 워커 자리를 기다리던 세 페이지는 어느 맵에도 없어야 합니다. 실제 Result.Errors: %v",
		"Crawl starts no page of the next level after the context is cancelled":                                                                                                                                      "Crawl은 컨텍스트가 취소된 뒤에는 다음 레벨의 페이지를 시작하지 않는다",
		"the context ended 4 s into the crawl, while /slow was in flight and /a (done at 1 s) had found /x and /y; Result.Errors holds pages the site was never asked for (%s): Crawl started on them after the context had ended, and their fetch failed at once. Once ctx is done, start no more fetches, and leave the pages that were still waiting for a worker's place out of both maps: check ctx.Err() once a level's fetches are done, and return. (A select on a free worker's place and ctx.Done() alone does not stop the next level: when both are ready, Go picks one at random.)": "크롤링 4 s 시점에서 컨텍스트가 끝났을 때 /slow는 가져오는 중이었고, /a(1 s에 끝남)는 /x와 /y를 찾아 둔 상태였습니다. 그런데 Result.Errors에 사이트가 한 번도 요청받지 않은 페이지가 있습니다(%s). Crawl이 컨텍스트가 끝난 뒤에 그 페이지들을 시작했고, 그 가져오기는 곧바로 실패했습니다. ctx가 끝나면 가져오기를 더 시작하지 말고, 아직 워커 자리를 기다리던 페이지는 두 맵 어디에도 넣지 마세요. 한 레벨의 가져오기가 모두 끝나면 ctx.Err()를 확인하고 반환하세요. (빈 워커 자리와 ctx.Done()을 select하는 것만으로는 다음 레벨을 막지 못합니다. 둘 다 준비되어 있으면 Go는 그중 하나를 무작위로 고릅니다.)",
		"Crawl stops at once when the context ends while it waits for the Limiter": "Crawl은 Limiter를 기다리는 중에 컨텍스트가 끝나면 곧바로 멈춘다",
		"the context ended 2.5 s into the crawl while workers waited for their turn at the Limiter (one request a second); Crawl returned after %v: wait for the Limiter with the crawl's ctx, not context.Background()":       "워커들이 Limiter(초당 요청 하나)에서 차례를 기다리는 중에 크롤링 2.5 s 시점에서 컨텍스트가 끝났는데, Crawl은 %v 뒤에 반환했습니다. Limiter는 context.Background()가 아니라 크롤링의 ctx로 기다리세요",
		"one request a second from 0 s, and the context ended at 2.5 s: the site must get 3 requests, not %d":                                                                                                                  "0 s부터 초당 요청 하나씩이고 컨텍스트는 2.5 s에 끝났습니다. 사이트가 받는 요청은 3개여야 하는데 %d개였습니다",
		"the start page and the two pages fetched at 1 s and 2 s belong in Result.Pages, got %v":                                                                                                                               "시작 페이지와 1 s, 2 s에 가져온 두 페이지가 Result.Pages에 있어야 합니다. 실제 Result.Pages: %v",
		"four workers held a place and waited for their turn at the Limiter when the context ended: their pages belong in Result.Errors, with ctx's error, and the two pages still waiting for a place in neither map; got %v": "컨텍스트가 끝났을 때 워커 네 개가 자리를 잡고 Limiter에서 차례를 기다리고 있었습니다. 그 페이지들은 ctx의 에러와 함께 Result.Errors에 있어야 하고, 아직 자리를 기다리던 두 페이지는 어느 맵에도 없어야 합니다. 실제 Result.Errors: %v",
		"Crawl counts Workers below 1 as 1":                        "Crawl은 1보다 작은 Workers를 1로 센다",
		"the start page and its 4 links must each be fetched once": "시작 페이지와 그 페이지의 링크 4개를 각각 한 번씩 가져와야 합니다",
		"%d fetches were in flight at once with Workers: %d, which counts as 1: a bound below 1 is no reason to have no bound (max(opts.Workers, 1))": "Workers: %[2]d(1로 셈)인데 가져오기 %[1]d개가 동시에 진행 중이었습니다. 상한이 1보다 작다고 상한을 없앨 이유는 없습니다(max(opts.Workers, 1))",
		"four 1 s pages one at a time take 4 s":                     "1 s짜리 페이지 네 개를 하나씩 가져오면 4 s 걸립니다",
		"Crawl spaces its requests by 1/RatePerSecond":              "Crawl은 요청 사이에 1/RatePerSecond의 간격을 둔다",
		"the start page and its 10 links must each be fetched once": "시작 페이지와 그 페이지의 링크 10개를 각각 한 번씩 가져와야 합니다",
		"requests %d and %d %v apart":                               "%d번째와 %d번째 요청의 간격 %v",
		"with RatePerSecond: 4, requests must start at least 250 ms apart, but %s: wait for the Limiter right before each fetch, after taking a worker's place":                                          "RatePerSecond: 4이면 요청은 적어도 250 ms 간격을 두고 시작해야 하는데, 더 가까운 요청이 있었습니다(%s). 워커 자리를 잡은 뒤, 가져오기 바로 직전에 Limiter를 기다리세요",
		"the pages take longer than 250 ms, so several fetches should be in flight at once; only one was: the Limiter spaces out the starts of the requests, it must not make them wait for one another": "페이지마다 250 ms보다 오래 걸리므로 여러 가져오기가 동시에 진행 중이어야 하는데, 한 번에 하나뿐이었습니다. Limiter는 요청이 시작하는 시각의 간격만 벌려야 하며, 요청끼리 서로 끝나기를 기다리게 하면 안 됩니다",
		"pages in both Result.Pages and Result.Errors: %s": "Result.Pages와 Result.Errors 양쪽에 다 있는 페이지: %s",
		"the site was asked for %s, but the Result has them in neither map: a page whose fetch the context cut short belongs in Result.Errors, with the error that fetch returned": "사이트에 요청한 페이지 중 Result의 어느 맵에도 없는 것이 있습니다: %s. 컨텍스트 때문에 가져오기가 중간에 끊긴 페이지는 fetch가 반환한 에러와 함께 Result.Errors에 있어야 합니다",
		"Result.Errors[%s] is %v; the page does not fail by itself, so it must have been cut short, with an error that wraps ctx's error (%v)":                                     "Result.Errors[%s] 값: %v. 이 페이지는 스스로 실패하지 않으므로 중간에 끊긴 것이어야 하고, 그 에러는 ctx의 에러(%v)를 감싸야 합니다",

		// lessons/13-crawler/limiter.go
		"Wait: take the next turn under a mutex, then wait for it (or for ctx) without the mutex": "Wait: 뮤텍스를 잡고 다음 차례를 가져간 뒤, 뮤텍스를 놓고 그 차례를(또는 ctx를) 기다리세요",

		// lessons/13-crawler/limiter_test.go
		"Wait with a context that never ends must return nil":                                                                  "끝나지 않는 컨텍스트로 부른 Wait는 nil을 반환해야 합니다",
		"Limiter lets the first caller through at once and the rest one interval apart":                                        "Limiter는 첫 호출자를 곧바로 보내고 나머지는 한 간격씩 띄워 보낸다",
		"the first Wait must return at once, but it waited %v (a Ticker's first tick comes one interval late)":                 "첫 Wait는 곧바로 반환해야 하는데 %v 동안 기다렸습니다(Ticker의 첫 틱은 한 간격 늦게 옵니다)",
		"four more callers at once must go through one at a time, 250 ms apart (at 250, 500, 750 and 1000 ms), but went at %v": "이어서 동시에 온 호출자 네 명은 250 ms 간격으로 한 명씩(250, 500, 750, 1000 ms에) 지나가야 하는데, 실제로 지나간 시각: %v",
		"Limiter lets no burst through after being idle":                                                                       "Limiter는 쉬고 난 뒤에도 요청을 한꺼번에 몰아 보내지 않는다",
		"after 10.1 s of rest, three callers at once must go at 0, 250 and 500 ms after that: the first at once (not at the next multiple of the interval), the others still one interval apart (no saving up), but went at %v": "10.1 s 쉰 뒤 동시에 온 호출자 세 명은 그로부터 0, 250, 500 ms에 지나가야 합니다. 첫 호출자는 (간격의 다음 배수 시각이 아니라) 곧바로, 나머지는 (쉬는 동안 몫을 모아 두지 않고) 여전히 한 간격씩 띄워서 가야 하는데, 실제로 지나간 시각: %v",
		"Limiter gives up when the context ends":                                                                  "Limiter는 컨텍스트가 끝나면 포기한다",
		"the caller's context ended 300 ms before its turn: Wait must give up and return ctx.Err()":               "호출자의 컨텍스트가 차례가 오기 300 ms 전에 끝났습니다. Wait는 포기하고 ctx.Err()를 반환해야 합니다",
		"Wait must return as soon as the context ends (after 300 ms), not at its turn: select on ctx.Done() too":  "Wait는 차례가 올 때가 아니라 컨텍스트가 끝나자마자(300 ms 뒤) 반환해야 합니다. ctx.Done()도 select하세요",
		"Limiter keeps events one interval apart when a caller gives up":                                          "Limiter는 호출자가 포기해도 이벤트 사이를 한 간격 이상 띄운다",
		"B's context was cancelled 100 ms into the spec, before its turn: Wait must give up and return ctx.Err()": "B의 컨텍스트는 스펙 시작 후 100 ms, 차례가 오기 전에 취소되었습니다. Wait는 포기하고 ctx.Err()를 반환해야 합니다",
		"A went at 0 ms; then B called Wait (its turn: 250 ms) and C (the turn after: 500 ms); B gave up at 100 ms, and D called Wait after that. A, C and D went at %v: two events less than 250 ms apart. When a Wait gives up, do not hand its turn back by moving the next turn earlier: the turns after it may be taken already, and the next caller would get one of those a second time. The doc lets a Wait that gives up leave its turn used": "A는 0 ms에 지나갔고, 이어서 B가 Wait를 불러 250 ms 차례를, C가 그다음 500 ms 차례를 받았습니다. B는 100 ms에 포기했고, 그 뒤에 D가 Wait를 불렀습니다. A, C, D가 지나간 시각은 %v로, 250 ms보다 가까운 이벤트가 두 개 있습니다. Wait가 포기할 때 다음 차례를 앞당겨서 자기 차례를 돌려주지 마세요. 그 뒤의 차례는 이미 다른 호출자가 가져갔을 수 있어서, 다음 호출자가 그 차례를 한 번 더 받게 됩니다. 문서에 따르면 포기한 Wait의 차례는 쓴 것으로 남겨 두어도 됩니다",
		"Limiter never makes anyone wait without a rate":                                      "Limiter는 속도 제한이 없으면 아무도 기다리게 하지 않는다",
		"Wait without a limit must return nil":                                                "제한이 없으면 Wait는 nil을 반환해야 합니다",
		"NewLimiter(%d) sets no limit: every Wait must return at once, but callers waited %v": "NewLimiter(%d) 호출은 제한을 두지 않습니다. 모든 Wait가 곧바로 반환해야 하는데, 호출자들이 기다린 시간: %v",

		// lessons/13-crawler/site_test.go
		"<a href=\"http://elsewhere.test/\">another site</a> <a href=\"mailto:web@threadlings.test\">mail</a>\n</body></html>\n": "=",

		// lessons/13-crawler/crawler_suite_test.go
		"13 crawler": "=",

		// lessons/13-crawler/crawler_test.go
		"%s %d times":   "%s (%d번)",
		"%s (depth %d)": "%s (깊이 %d)",

		// lessons/13-crawler/site_test.go
		"<html><body><h1>A page</h1>\n<a href=\"#top\">top</a>\n": "=",
		"<p><a href=\"%s\">root-relative</a></p>\n":               "=",
		"<p><a href=\"http://%s%s\">absolute</a></p>\n":           "=",
		"<p><a class=\"x\" href=\"%s#part\">relative</a></p>\n":   "=",
	})
}
