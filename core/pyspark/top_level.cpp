// Interpreter, the program's top level: its statements run from an explicit stack of blocks, so a
// program can stop at a wait (time.sleep(5), q.awaitTermination(10)) and go on later from there.
// The host keeps the engine running meanwhile: lines typed while a program sleeps reach its
// queries, as they reach Spark's while the driver sleeps. The blocks are the module's, those of its
// if, for, while and with statements, and the bodies of functions called by a statement of their
// own
// (`main()`); a try block, or a call inside an expression, runs as one step (exec), and a wait in
// it cannot suspend the program (the call says so).
#include <fmt/format.h>

#include "pyspark/interpreter.h"

namespace runnel::pyspark {
namespace {

// A statement whose call may wait, or enter a function: the call alone, or its result assigned.
const Expr* statementCall(const Stmt& s) {
  if (!s.value || s.value->kind != ExprKind::Call) return nullptr;
  if (s.kind == StmtKind::Expr || s.kind == StmtKind::Assign) return s.value.get();
  return nullptr;
}

}  // namespace

RunOutcome Interpreter::resume() {
  if (!suspended_) return RunOutcome::Finished;
  Suspension s = std::move(*suspended_);
  suspended_.reset();
  resetBudget();
  Value result = s.wait.finish ? s.wait.finish() : Value();
  if (s.at->kind == StmtKind::Assign) {
    for (const ExprPtr& t : s.at->targets)
      assign(*t, result, *s.stack.back().frame);
  }
  return runTopLevel(std::move(s.program), std::move(s.stack));
}

RunOutcome Interpreter::runTopLevel(std::shared_ptr<const Module> program,
                                    std::vector<Cursor> stack) {
  try {
    while (!stack.empty()) {
      Cursor& c = stack.back();
      if (c.next == c.block->size()) {
        endOfBlock(stack);
        continue;
      }
      const Stmt& s = *(*c.block)[c.next++];
      std::shared_ptr<Frame> frame = c.frame;
      Cursor inner;
      inner.owner = &s;
      inner.frame = frame;
      inner.calls = c.calls;
      switch (s.kind) {
        case StmtKind::If:
          step(s.pos);
          inner.block = truthy(eval(*s.test, *frame), s.test->pos) ? &s.body : &s.orelse;
          stack.push_back(std::move(inner));
          continue;
        case StmtKind::While:
        case StmtKind::For:
          // Entered at its body's end: endOfBlock tests the condition or takes the first item.
          step(s.pos);
          if (s.kind == StmtKind::For) inner.items = iterate(eval(*s.value, *frame), s.value->pos);
          inner.block = &s.body;
          inner.next = s.body.size();
          inner.loop = true;
          stack.push_back(std::move(inner));
          continue;
        case StmtKind::With:
          step(s.pos);
          for (const WithItem& item : s.items) {
            Value ctx = eval(*item.context, *frame);
            if (item.target) assign(*item.target, ctx, *frame);
          }
          inner.block = &s.body;
          stack.push_back(std::move(inner));
          continue;
        default:
          break;
      }
      Flow flow = Flow::Normal;
      if (const Expr* call = statementCall(s)) {
        step(s.pos);
        if (enterFunction(s, *call, stack)) continue;
        waitable_call_ = call;
        try {
          Value v = eval(*call, *frame);
          waitable_call_ = nullptr;
          for (const ExprPtr& t : s.targets)
            assign(*t, v, *frame);
        } catch (ScriptSuspend& w) {
          waitable_call_ = nullptr;
          suspended_ = Suspension{std::move(program), std::move(stack), &s, std::move(w.wait)};
          return RunOutcome::Suspended;
        } catch (...) {
          waitable_call_ = nullptr;
          throw;
        }
      } else {
        flow = exec(s, *frame);
      }
      if (flow == Flow::Normal) continue;
      if (flow == Flow::Return) {  // exec rejects a return outside a function
        while (!stack.back().function)
          stack.pop_back();
        returnFromFunction(stack, frame->return_value);
        continue;
      }
      // To the innermost loop of this function (Python rejects break/continue outside one at
      // compile time).
      while (!stack.empty() && !stack.back().loop && !stack.back().function)
        stack.pop_back();
      if (stack.empty()) break;
      if (stack.back().function) continue;
      if (flow == Flow::Break) {
        stack.pop_back();  // a loop left by break skips its else block
      } else {
        stack.back().next = stack.back().block->size();
      }
    }
  } catch (const ScriptExit&) {
    return RunOutcome::Waiting;
  } catch (const ScriptSuspend& w) {
    // Only a call marked may_wait suspends, and the loop above catches those.
    throw Error(ErrorClass::InternalError,
                fmt::format("{}() could not suspend the program here", w.wait.call), w.wait.pos);
  }
  return RunOutcome::Finished;
}

// A statement that calls a `def` function by name runs the function's body as blocks of this stack.
bool Interpreter::enterFunction(const Stmt& s, const Expr& call, std::vector<Cursor>& stack) {
  const Expr& func = *call.kids[0];
  if (func.kind != ExprKind::Name) return false;
  Cursor& caller = stack.back();
  std::shared_ptr<Frame> frame = caller.frame;
  Value callee = evalName(func, *frame);
  if (callee.type() != ValueType::Function) return false;
  const FunctionObject& fn = *callee.as<FunctionObject>();
  if (fn.def->lambda_body) return false;
  CallArgs args;
  collectArgs(call, *frame, args);
  step(call.pos);
  if (caller.calls + call_depth_ >= kMaxCallDepth) {
    throw Error(ErrorClass::RuntimeError, "maximum recursion depth exceeded", call.pos);
  }
  Cursor body;
  body.owner = &s;
  body.block = &fn.def->body;
  body.function = true;
  body.frame = std::make_shared<Frame>(bindArguments(fn, args));
  body.calls = caller.calls + 1;
  stack.push_back(std::move(body));
  return true;
}

// The function whose body is on top of the stack returns `result` to the statement that called it.
void Interpreter::returnFromFunction(std::vector<Cursor>& stack, Value result) {
  const Stmt& call = *stack.back().owner;
  stack.pop_back();
  for (const ExprPtr& t : call.targets)
    assign(*t, result, *stack.back().frame);
}

void Interpreter::endOfBlock(std::vector<Cursor>& stack) {
  Cursor& c = stack.back();
  if (c.function) {
    returnFromFunction(stack, Value());
    return;
  }
  if (!c.loop) {
    stack.pop_back();
    return;
  }
  const Stmt& s = *c.owner;
  Frame& f = *c.frame;
  bool again =
      s.kind == StmtKind::While ? truthy(eval(*s.test, f), s.test->pos) : c.item < c.items.size();
  if (again) {
    step(s.pos);
    if (s.kind == StmtKind::For) assign(*s.targets[0], c.items[c.item++], f);
    c.next = 0;
    return;
  }
  // The loop ran out: its else block, in which break and continue belong to an outer loop.
  c.loop = false;
  c.items.clear();
  c.block = &s.orelse;
  c.next = 0;
}

}  // namespace runnel::pyspark
