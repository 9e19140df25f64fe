help-title = tandem: mentorías en este servidor
help-intro = tandem forma parejas de mentores y aprendices y da a cada pareja un canal privado. Hace seguimientos periódicos a las parejas y cuenta a los moderadores cómo va el programa.
help-for-everyone = Comandos que puedes usar
help-for-moderators = Para moderadores
help-for-admins = Para administradores
help-continued = Más comandos
help-not-set-up = Este servidor aún no está configurado. Empieza con `/setup` para elegir el canal del resumen, el rol de moderador, la categoría de las parejas y la zona horaria.
help-not-set-up-member = Este servidor aún no ha configurado el programa. Primero, un administrador tiene que usar `/setup`.
