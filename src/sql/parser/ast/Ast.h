#pragma once

/// All AST node families, for code that walks whole trees (parser, formatter, analyzer).
#include "sql/parser/ast/DataDefinitionStatements.h"
#include "sql/parser/ast/FunctionCall.h"
#include "sql/parser/ast/Literals.h"
#include "sql/parser/ast/Operators.h"
#include "sql/parser/ast/Query.h"
#include "sql/parser/ast/Relations.h"
#include "sql/parser/ast/SpecialForms.h"
#include "sql/parser/ast/UtilityStatements.h"
#include "sql/parser/ast/Window.h"
