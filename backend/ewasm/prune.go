package ewasm

// pruneParams removes parameters of defined functions that the body never
// touches, or never writes and that every call passes the same constant
// (e.g. upper limbs that are always zero): the call sites stop pushing
// them and the body reads the constant. Only arguments pushed by a single
// instruction right before the call (local.get, global.get, a constant)
// can be removed from a call site, so a parameter is pruned only when every
// call site has it in that form. Repeats while something changes, since a
// pruned caller can make its callees' arguments constant.
func (m *module) pruneParams() {
	exported := map[*function]bool{}
	for _, f := range m.testExports {
		exported[f] = true
	}
	if len(m.funcs) > 0 {
		exported[m.funcs[0]] = true // main
	}
	type site struct {
		caller *function
		at     int
	}
	for round := 0; round < 4; round++ {
		sites := map[*function][]site{}
		for _, c := range m.funcs {
			if c.isImport() {
				continue
			}
			for at, in := range c.body {
				if in.op == opCall && !in.fn.isImport() {
					sites[in.fn] = append(sites[in.fn], site{c, at})
				}
			}
		}
		changed := false
		del := map[*function]map[int]bool{}
		for _, f := range m.funcs {
			np := len(f.typ.params)
			if f.isImport() || exported[f] || np == 0 || len(sites[f]) == 0 {
				continue
			}
			read := make([]bool, np)
			written := make([]bool, np)
			for _, in := range f.body {
				if isLocalOp(in.op) && int(in.imm) < np {
					if in.op == opLocalGet {
						read[in.imm] = true
					} else {
						written[in.imm] = true
					}
				}
			}
			// how many trailing arguments each site pushes simply
			simple := func(s site) int {
				k := 0
				for j := s.at - 1; j >= 0 && k < np; j-- {
					in := s.caller.body[j]
					if in.op == opLocalGet || in.op == opGlobalGet ||
						((in.op == opI64Const || in.op == opI32Const) && in.sym == symNone) {
						k++
						continue
					}
					break
				}
				return k
			}
			nsimple := make([]int, len(sites[f]))
			for i, s := range sites[f] {
				nsimple[i] = simple(s)
			}
			remove := make([]bool, np)
			constOf := make([]*instr, np)
			found := false
			for p := 0; p < np; p++ {
				ok := true
				var c *instr
				for i, s := range sites[f] {
					if p < np-nsimple[i] {
						ok = false
						break
					}
					a := &s.caller.body[s.at-np+p]
					if read[p] || written[p] {
						if written[p] || (a.op != opI64Const && a.op != opI32Const) {
							ok = false
							break
						}
						if c == nil {
							c = a
						} else if c.op != a.op || c.imm != a.imm {
							ok = false
							break
						}
					}
				}
				if ok {
					remove[p] = true
					if c != nil {
						cc := *c
						constOf[p] = &cc
					}
					found = true
				}
			}
			if !found {
				continue
			}
			changed = true
			for _, s := range sites[f] {
				if del[s.caller] == nil {
					del[s.caller] = map[int]bool{}
				}
				for p := 0; p < np; p++ {
					if remove[p] {
						del[s.caller][s.at-np+p] = true
					}
				}
			}
			// the callee: new parameter list and local indices
			newIdx := make([]int, np+len(f.locals))
			var ps []valType
			for p := 0; p < np; p++ {
				if !remove[p] {
					newIdx[p] = len(ps)
					ps = append(ps, f.typ.params[p])
				}
			}
			shift := np - len(ps)
			for x := np; x < len(newIdx); x++ {
				newIdx[x] = x - shift
			}
			for i := range f.body {
				in := &f.body[i]
				if !isLocalOp(in.op) {
					continue
				}
				x := int(in.imm)
				if x < np && remove[x] {
					// only reads of constant parameters remain
					*in = *constOf[x]
					continue
				}
				in.imm = int64(newIdx[x])
			}
			f.typ = funcType{params: ps, results: f.typ.results}
		}
		for _, c := range m.funcs {
			if d := del[c]; len(d) > 0 {
				c.body = deleteMarked(c.body, d)
			}
		}
		if !changed {
			return
		}
	}
}
