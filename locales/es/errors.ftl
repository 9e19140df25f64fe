errors-bad-argument = Una de las opciones no parece correcta. Revísalas y vuelve a usar el comando.
errors-guild-only = Este comando funciona dentro de un servidor, no en mensajes directos.
errors-not-allowed = No tienes permiso para usar este comando.
errors-stale-button = Ese botón ya no es válido. Vuelve a usar el comando.
errors-stale-form = Ese formulario ya no es válido. Vuelve a usar el comando.
errors-internal = Lo sentimos, algo falló por nuestra parte. No se cambió nada. Si vuelve a pasar, avisa a un moderador y dale el código `{ $error_id }`.
