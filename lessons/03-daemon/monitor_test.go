package daemon_test

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/03-daemon"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// probe is a check function for Monitor that records when it was called,
// as offsets from the start of the spec, and can take time of its own. A
// call that comes after the monitor's context was cancelled is counted as
// late and never returns, so that a monitor that ignores its context stops
// ticking instead of running on for ever.
type probe struct {
	ctx   context.Context
	start time.Time
	takes time.Duration
	// lateReturns makes a late call return instead of blocking, for specs
	// where Monitor is expected to stop on its own after one.
	lateReturns bool
	// afterCheck, if set, is called at the end of every check that was not
	// late.
	afterCheck func()
	checking   spec.Gauge    // the checks running
	caller     atomic.Uint64 // the goroutine that calls Monitor

	mu        sync.Mutex
	ticks     []time.Duration // the tick each call was given
	calls     []time.Duration // when each call began
	late      int
	elsewhere int // calls on another goroutine than Monitor's caller
}

// newProbe makes a probe for a Monitor that the calling goroutine runs.
func newProbe(ctx context.Context, takes time.Duration) *probe {
	p := &probe{ctx: ctx, start: time.Now(), takes: takes}
	p.checking.Name = "check"
	p.caller.Store(spec.GoroutineID())
	return p
}

func (p *probe) check(tick time.Time) {
	p.checking.Enter()
	defer p.checking.Leave()
	p.mu.Lock()
	if spec.GoroutineID() != p.caller.Load() {
		p.elsewhere++
	}
	if p.ctx.Err() != nil {
		p.late++
		p.mu.Unlock()
		if p.lateReturns {
			return
		}
		<-make(chan struct{})
	}
	p.ticks = append(p.ticks, tick.Sub(p.start))
	p.calls = append(p.calls, time.Since(p.start))
	p.mu.Unlock()
	time.Sleep(p.takes)
	if p.afterCheck != nil {
		p.afterCheck()
	}
}

// onOtherGoroutines says how many calls of check ran on another goroutine
// than the one that called Monitor.
func (p *probe) onOtherGoroutines() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.elsewhere
}

// trapContext is a context that ends the moment Monitor asks for its Done
// channel while the context is armed. Armed by the end of a check that ran
// past the next tick, it ends as Monitor's next select looks at ctx.Done(),
// with that tick already waiting: the select then has both ready.
type trapContext struct {
	context.Context
	cancel context.CancelFunc
	armed  atomic.Bool
}

func newTrapContext() *trapContext {
	ctx, cancel := context.WithCancel(context.Background())
	return &trapContext{Context: ctx, cancel: cancel}
}

func (c *trapContext) Done() <-chan struct{} {
	if c.armed.Load() {
		c.cancel()
	}
	return c.Context.Done()
}

func (p *probe) calledAt() []time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]time.Duration(nil), p.calls...)
}

func (p *probe) seen() (ticks []time.Duration, late int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]time.Duration(nil), p.ticks...), p.late
}

func seconds(s ...float64) []time.Duration {
	d := make([]time.Duration, len(s))
	for i, x := range s {
		d[i] = time.Duration(x * float64(time.Second))
	}
	return d
}

// startMonitor runs Monitor in a goroutine and returns a channel that
// receives how long after the probe's start it returned. A panic in Monitor
// fails the spec instead of killing the suite.
func startMonitor(ctx context.Context, every time.Duration, p *probe) <-chan time.Duration {
	returned := make(chan time.Duration, 1)
	go func() {
		defer GinkgoRecover()
		p.caller.Store(spec.GoroutineID())
		daemon.Monitor(ctx, every, p.check)
		returned <- time.Since(p.start)
	}()
	return returned
}

// waitReturn waits for a monitor started by startMonitor to return, for a
// minute at most, and says when it did.
func waitReturn(returned <-chan time.Duration) time.Duration {
	select {
	case at := <-returned:
		return at
	case <-time.After(time.Minute):
		Fail("Monitor was still running a minute after its context was cancelled: select on ctx.Done() next to the ticker's channel and return when it is closed")
		return 0
	}
}

var _ = Describe("Monitor", func() {
	It("checks once every interval", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		p := newProbe(ctx, 0)
		returned := startMonitor(ctx, time.Second, p)
		time.Sleep(4500 * time.Millisecond)
		cancel()
		select {
		case <-returned:
		case <-time.After(time.Minute): // another spec says it should have returned
		}
		ticks, _ := p.seen()
		Expect(ticks).To(Equal(seconds(1, 2, 3, 4)),
			"in 4.5s a monitor with a 1s interval should check at 1s, 2s, 3s and 4s, passing check the time of each tick")
		Expect(p.onOtherGoroutines()).To(BeZero(),
			"check ran on another goroutine than the one that called Monitor: loop on Monitor's own goroutine and call check there, without starting a goroutine")
	})

	It("keeps the beat when a check takes time", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		p := newProbe(ctx, 400*time.Millisecond)
		returned := startMonitor(ctx, time.Second, p)
		time.Sleep(4500 * time.Millisecond)
		cancel()
		select {
		case <-returned:
		case <-time.After(time.Minute): // another spec says it should have returned
		}
		ticks, _ := p.seen()
		Expect(ticks).To(Equal(seconds(1, 2, 3, 4)),
			"each check took 0.4s and the ticks drifted: sleeping between checks adds the check's own time to every period; a time.Ticker keeps the schedule")
	})

	It("returns as soon as its context is cancelled", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		p := newProbe(ctx, 0)
		returned := startMonitor(ctx, time.Second, p)
		time.Sleep(2500 * time.Millisecond)
		cancel()
		at := waitReturn(returned)
		Expect(at).To(Equal(2500*time.Millisecond),
			"Monitor went on until %v, though its context was cancelled at 2.5s: select on ctx.Done() next to the ticker's channel, so the cancel wakes it without waiting for a tick", at)
		time.Sleep(10 * time.Second)
		ticks, late := p.seen()
		Expect(late).To(BeZero(), "check was called after the context was cancelled")
		Expect(ticks).To(Equal(seconds(1, 2)), "a monitor cancelled at 2.5s should have checked at 1s and 2s only")
	})

	It("keeps to the schedule and never catches up when a check overruns", spec.Bubble, spec.Points(2), func() {
		const every, takes, cancelAt = time.Second, 2300 * time.Millisecond, 9500 * time.Millisecond
		ctx, cancel := context.WithCancel(context.Background())
		p := newProbe(ctx, takes)
		p.lateReturns = true
		returned := startMonitor(ctx, every, p)
		time.Sleep(cancelAt)
		cancel()
		at := waitReturn(returned)
		running := p.checking.Now()
		ticks, late := p.seen()
		calls := p.calledAt()
		Expect(p.checking.Max()).To(Equal(1), p.checking.Explain(
			"%d checks ran at the same time: call check on Monitor's own goroutine, one after another, never with go", p.checking.Max()))
		Expect(running).To(BeZero(), "Monitor returned while a check was still running: check must never run after Monitor has returned")
		Expect(late).To(BeZero(), "check was called after the context was cancelled")
		Expect(ticks).NotTo(BeEmpty(), "check was never called")
		for i, tick := range ticks {
			Expect(tick%every).To(BeZero(),
				"check was given %v (after the start), which is not a tick of the schedule (every %v): pass check the time the tick carries, not time.Now() when check begins", tick, every)
			if i > 0 {
				Expect(tick).To(BeNumerically(">", calls[i-1]),
					"checks taking %v each were given the ticks %v: the tick %v had passed before the check before it even began. Monitor must not catch up on missed ticks (a time.Ticker keeps at most one)", takes, ticks, tick)
			}
		}
		last := calls[len(calls)-1] + takes
		Expect(at).To(Equal(max(cancelAt, last)),
			"the context was cancelled at %v and the last check ran until %v, so Monitor should return at %v; it returned at %v", cancelAt, last, max(cancelAt, last), at)
	})

	It("never checks once its context is done, even with a tick waiting", spec.Bubble, SpecTimeout(20*time.Second), func() {
		// Each check runs past the next tick, and the context is cancelled
		// during it: when it returns, a tick and the cancel are both ready.
		const monitors = 24
		probes := make([]*probe, monitors)
		returns := make([]<-chan time.Duration, monitors)
		cancels := make([]context.CancelFunc, monitors)
		for i := range monitors {
			ctx, cancel := context.WithCancel(context.Background())
			probes[i] = newProbe(ctx, 1500*time.Millisecond)
			probes[i].lateReturns = true
			returns[i], cancels[i] = startMonitor(ctx, time.Second, probes[i]), cancel
		}
		time.Sleep(2200 * time.Millisecond)
		for _, cancel := range cancels {
			cancel()
		}
		for i := range monitors {
			at := waitReturn(returns[i])
			Expect(at).To(Equal(2500*time.Millisecond), "the check running when the context was cancelled ended at 2.5s, so Monitor should return then, took %v", at)
			_, late := probes[i].seen()
			Expect(late).To(BeZero(),
				"check was called after the context was cancelled: when the check returned, the cancel and a tick were both ready, and select picks one of them at random; look at ctx.Err() before calling check")
		}
	})

	It("never checks for a tick that was waiting when its context ended", spec.Bubble, SpecTimeout(20*time.Second), func() {
		// Each check runs past the next tick, and the context ends just as
		// Monitor's next select asks for ctx.Done(): the tick and the end
		// of the context are ready together, and select picks one of them
		// at random.
		const monitors = 24
		probes := make([]*probe, monitors)
		returns := make([]<-chan time.Duration, monitors)
		ctxs := make([]*trapContext, monitors)
		for i := range monitors {
			ctx := newTrapContext()
			probes[i] = newProbe(ctx, 1500*time.Millisecond)
			probes[i].lateReturns = true
			probes[i].afterCheck = func() { ctx.armed.Store(true) }
			returns[i], ctxs[i] = startMonitor(ctx, time.Second, probes[i]), ctx
		}
		time.Sleep(10 * time.Second)
		for _, ctx := range ctxs {
			ctx.cancel() // for a Monitor that never asked for ctx.Done() again
		}
		for i := range monitors {
			waitReturn(returns[i])
			_, late := probes[i].seen()
			Expect(late).To(BeZero(),
				"check was called for a tick that was waiting when the context ended: the select had the tick and ctx.Done() both ready and picked the tick; look at ctx.Err() after the tick, right before calling check, not only before the select")
		}
	})

	It("returns at once for a context already cancelled", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		p := newProbe(ctx, 0)
		at := waitReturn(startMonitor(ctx, time.Second, p))
		Expect(at).To(BeZero(),
			"Monitor went on until %v, though its context was already cancelled: it should look at ctx.Done() before it waits for a tick", at)
		_, late := p.seen()
		Expect(late).To(BeZero(), "check was called although the context was already cancelled")
	})

	It("runs as a daemon until the work is done", spec.Bubble, func() {
		s := daemon.New(context.Background())
		start := time.Now()
		probes := make(chan *probe, 1)
		s.Daemon(func(ctx context.Context) {
			defer GinkgoRecover()
			p := newProbe(ctx, 0)
			probes <- p
			daemon.Monitor(ctx, time.Second, p.check)
		})
		p := <-probes
		s.Go(func(context.Context) { time.Sleep(3500 * time.Millisecond) })
		s.Shutdown()
		Expect(time.Since(start)).To(Equal(3500*time.Millisecond),
			"Shutdown should return as soon as the 3.5s task ends: the monitor daemon must stop when its context is cancelled")
		ticks, late := p.seen()
		Expect(late).To(BeZero(), "the monitor checked after Shutdown had cancelled it")
		Expect(ticks).To(Equal(seconds(1, 2, 3)), "the monitor daemon should check at 1s, 2s and 3s while the 3.5s task runs")
	})
})
