# parley_escape_script(TEXT OUT_VAR): TEXT made safe to inline in an HTML <script> element.
# The HTML parser ends a script's text at the first "</script", whatever its case; "<\/script"
# means the same in JavaScript strings and regular expressions, where such text can occur.
function(parley_escape_script text out_var)
  string(REGEX REPLACE "</([Ss][Cc][Rr][Ii][Pp][Tt])" "<\\\\/\\1" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()
