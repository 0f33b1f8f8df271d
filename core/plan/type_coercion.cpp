// Type coercion: widening for CASE/union/coalesce results and which casts Spark allows.
#include "plan/type_coercion.h"

#include <fmt/format.h>

#include "runnel/error.h"

namespace runnel::plan {

using types::TypeId;

namespace {
int numericRank(TypeId id) {
  switch (id) {
    case TypeId::Int:
      return 1;
    case TypeId::BigInt:
      return 2;
    case TypeId::Double:
      return 3;
    default:
      return 0;
  }
}
}  // namespace

types::DataTypePtr commonType(const types::DataTypePtr& a, const types::DataTypePtr& b,
                              const expr::Expr& context) {
  if (a->id == TypeId::Null) return b;
  if (b->id == TypeId::Null) return a;
  if (*a == *b) return a;
  int ra = numericRank(a->id), rb = numericRank(b->id);
  if (ra > 0 && rb > 0) return ra >= rb ? a : b;
  if (a->id == TypeId::String && b->id != TypeId::Array && b->id != TypeId::Struct) return a;
  if (b->id == TypeId::String && a->id != TypeId::Array && a->id != TypeId::Struct) return b;
  throw Error(ErrorClass::AnalysisException,
              fmt::format("[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"{}\" due to data "
                          "type mismatch: Input to `{}` should all be the same type, but it's "
                          "[\"{}\", \"{}\"]. SQLSTATE: 42K09",
                          expr::prettyName(context),
                          context.kind == expr::ExprKind::CaseWhen ? "casewhen" : context.name,
                          a->sql(), b->sql()),
              context.pos);
}

bool canCast(const types::DataType& from, const types::DataType& to) {
  if (from == to || from.id == TypeId::Null || to.id == TypeId::String) return true;
  switch (to.id) {
    case TypeId::Boolean:
    case TypeId::Int:
    case TypeId::BigInt:
    case TypeId::Double:
      return from.id == TypeId::String || from.id == TypeId::Boolean || from.isNumeric() ||
             from.id == TypeId::Timestamp;
    case TypeId::Timestamp:
      return from.id == TypeId::String || from.isNumeric() || from.id == TypeId::Timestamp;
    case TypeId::Array:
      return from.id == TypeId::Array && canCast(*from.element, *to.element);
    case TypeId::Struct:
      if (from.id != TypeId::Struct || from.fields.size() != to.fields.size()) return false;
      for (size_t i = 0; i < from.fields.size(); ++i) {
        if (!canCast(*from.fields[i].type, *to.fields[i].type)) return false;
      }
      return true;
    default:
      return false;
  }
}

}  // namespace runnel::plan
