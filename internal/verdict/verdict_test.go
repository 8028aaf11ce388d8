package verdict_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/threadlings/threadlings/internal/verdict"
)

func TestSealedRecordsOpenOnlyWithTheirKey(t *testing.T) {
	key := []byte("a key for this run")
	r := verdict.Record{Kind: verdict.KindEnd, Spec: "Group Join waits", Verdict: verdict.Pass, Seconds: 0.125}
	line := r.Seal(key, 7)
	got, err := verdict.Open(bytes.TrimSuffix(line, []byte("\n")), key)
	if err != nil {
		t.Fatalf("Open of a sealed record: %v", err)
	}
	if got.Seq != 7 || got.Spec != r.Spec || got.Verdict != verdict.Pass || got.Seconds != 0.125 {
		t.Fatalf("Open gave %+v", got)
	}
	if _, err := verdict.Open(line, []byte("another run's key")); !errors.Is(err, verdict.ErrForged) {
		t.Errorf("a record opened with another key: err = %v, want ErrForged", err)
	}
	changed := bytes.Replace(line, []byte(`"pass"`), []byte(`"fail"`), 1)
	if _, err := verdict.Open(changed, key); !errors.Is(err, verdict.ErrForged) {
		t.Errorf("a changed record: err = %v, want ErrForged", err)
	}
	unsealed := bytes.TrimPrefix(r.Encode(), []byte(verdict.Marker))
	if _, err := verdict.Open(unsealed, key); !errors.Is(err, verdict.ErrForged) {
		t.Errorf("an unsealed record: err = %v, want ErrForged", err)
	}
}
