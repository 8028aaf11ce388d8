package rlock_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestRlock(t *testing.T) { spec.Run(t, "05 rlock") }
func TestMain(m *testing.M)  { spec.Main(m) }
